package io.strato.identity.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.identity.api.Links;
import io.strato.identity.roles.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Keystone's JSON for an application credential. {@code secret} is only ever set in the create
 * response; everywhere else it is null and left out.
 */
public record ApplicationCredentialView(String id, String name, String description,
                                        @JsonProperty("user_id") String userId,
                                        @JsonProperty("project_id") String projectId,
                                        List<RoleRef> roles,
                                        @JsonProperty("expires_at") String expiresAt,
                                        boolean unrestricted,
                                        @JsonProperty("access_rules") List<Object> accessRules,
                                        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
                                        Map<String, String> links) {
    /**
     * As real Keystone shows it: UTC without an offset, microseconds when there are any (Python's
     * {@code isoformat()} of the stored time), so a client sees back the {@code expires_at} it sent.
     */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    public static ApplicationCredentialView of(ApplicationCredential c, List<Role> roles, String secret, Links links) {
        return new ApplicationCredentialView(c.id, c.name, c.description, c.userId, c.projectId,
                roles.stream().map(r -> new RoleRef(r.id, r.name, r.domainId)).toList(),
                format(c.expiresAt), c.unrestricted, List.of(), secret,
                links.self("users/" + c.userId + "/application_credentials/" + c.id));
    }

    static String format(Instant t) {
        if (t == null) {
            return null;
        }
        return t.getNano() / 1000 == 0 ? TIME.format(t) : TIME_MICROS.format(t);
    }

    @Schema(name = "ApplicationCredentialRole")
    public record RoleRef(String id, String name, @JsonProperty("domain_id") String domainId) {
    }

    @Schema(name = "ApplicationCredentialOne")
    public record One(@JsonProperty("application_credential") ApplicationCredentialView applicationCredential) {
    }

    @Schema(name = "ApplicationCredentialMany")
    public record Many(@JsonProperty("application_credentials") List<ApplicationCredentialView> applicationCredentials,
                       Map<String, String> links) {
    }

    /** Request body: {"application_credential": {...}}. */
    @Schema(name = "ApplicationCredentialBody")
    public record Body(@JsonProperty("application_credential") Fields applicationCredential) {
    }

    /** A role asked for by id or by name (optionally with its domain). */
    @Schema(name = "ApplicationCredentialRoleName")
    public record RoleName(String id, String name, @JsonProperty("domain_id") String domainId) {
    }

    @Schema(name = "ApplicationCredentialFields")
    public record Fields(String name, String description, String secret, @JsonProperty("expires_at") String expiresAt,
                         Boolean unrestricted, List<RoleName> roles,
                         @JsonProperty("access_rules") List<Object> accessRules) {
    }

    /** A credential with its resolved roles, and the secret when just created. */
    public record Created(ApplicationCredential credential, List<Role> roles, String secret) {
    }
}
