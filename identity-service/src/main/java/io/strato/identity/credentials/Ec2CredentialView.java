package io.strato.identity.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Keystone's OS-EC2 JSON for an ec2 credential: the blob's keys beside the owner, the project named
 * {@code tenant_id} (as EC2 clients read it).
 */
public record Ec2CredentialView(@JsonProperty("user_id") String userId, @JsonProperty("tenant_id") String tenantId,
                                String access, String secret, @JsonProperty("trust_id") String trustId,
                                Map<String, String> links) {

    public static Ec2CredentialView of(Credential c, Ec2Blob blob, Links links) {
        return new Ec2CredentialView(c.userId, c.projectId, blob.access(), blob.secret(), blob.trustId(),
                links.self("users/" + c.userId + "/credentials/OS-EC2/" + blob.access()));
    }

    @Schema(name = "Ec2CredentialOne")
    public record One(Ec2CredentialView credential) {
    }

    @Schema(name = "Ec2CredentialMany")
    public record Many(List<Ec2CredentialView> credentials, Map<String, String> links) {
    }

    /** POST body: {"tenant_id": ...}, not wrapped. */
    @Schema(name = "Ec2CredentialBody")
    public record Body(@JsonProperty("tenant_id") String tenantId) {
    }

    /** What an ec2 credential's blob holds. */
    public record Ec2Blob(String access, String secret, @JsonProperty("trust_id") String trustId) {
    }
}
