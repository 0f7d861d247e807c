package io.strato.identity.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a credential; {@code blob} is the string the client stored. */
public record CredentialView(String id, @JsonProperty("user_id") String userId,
                             @JsonProperty("project_id") String projectId, String type, String blob,
                             Map<String, String> links) {

    public static CredentialView of(Credential c, Links links) {
        return new CredentialView(c.id, c.userId, c.projectId, c.type, c.blob, links.self("credentials/" + c.id));
    }

    @Schema(name = "CredentialOne")
    public record One(CredentialView credential) {
    }

    @Schema(name = "CredentialMany")
    public record Many(List<CredentialView> credentials, Map<String, String> links) {
    }

    /** Request body: {"credential": {...}}. */
    @Schema(name = "CredentialBody")
    public record Body(Fields credential) {
    }

    @Schema(name = "CredentialFields")
    public record Fields(@JsonProperty("user_id") String userId, @JsonProperty("project_id") String projectId,
                         String type, String blob) {
    }
}
