package io.strato.identity.tokens;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.strato.identity.catalog.CatalogEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Keystone's token body, rebuilt from what the token says. The scope keys are there only for the
 * token's scope ({@code project} and {@code is_domain}, or {@code domain}, or {@code system}), {@code roles}
 * and {@code catalog} only on a scoped token, {@code application_credential} only on a token of one;
 * every other key is always written, null or not.
 */
@Schema(name = "Token")
public record TokenView(List<String> methods, User user, List<String> auditIds, String expiresAt, String issuedAt,
                        @JsonInclude(Include.NON_NULL) Project project,
                        @JsonInclude(Include.NON_NULL) Boolean isDomain,
                        @JsonInclude(Include.NON_NULL) IssuedToken.Ref domain,
                        @JsonInclude(Include.NON_NULL) SystemScope system,
                        @JsonInclude(Include.NON_NULL) List<IssuedToken.Ref> roles,
                        @JsonInclude(Include.NON_NULL) List<CatalogEntry> catalog,
                        @JsonInclude(Include.NON_NULL) ApplicationCredential applicationCredential) {
    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public static String time(Instant t) {
        return t == null ? null : KEYSTONE_TIME.format(t);
    }

    /** {@code {"token": {...}}}; {@code catalog} null leaves the catalog out (nocatalog, or an unscoped token). */
    public static Body of(IssuedToken t, List<CatalogEntry> catalog) {
        Project project = null;
        Boolean isDomain = null;
        IssuedToken.Ref domain = null;
        SystemScope system = null;
        if (t.project() != null) {
            project = new Project(t.project().id(), t.project().name(), t.projectDomain());
            isDomain = false;
        } else if (t.domain() != null) {
            domain = t.domain();
        } else if (t.system()) {
            system = new SystemScope(true);
        }
        boolean scoped = !t.unscoped();
        return new Body(new TokenView(t.methods(), new User(t.user().id(), t.user().name(), t.userDomain(), null),
                t.auditIds(), time(t.expiresAt()), time(t.issuedAt()), project, isDomain, domain, system,
                scoped ? t.roles() : null, scoped ? catalog : null,
                t.applicationCredentialId() == null ? null : new ApplicationCredential(t.applicationCredentialId(), true)));
    }

    @Schema(name = "TokenBody")
    public record Body(TokenView token) {
    }

    /** The token's user; Keystone always writes {@code password_expires_at}, null when passwords do not expire. */
    @Schema(name = "TokenUser")
    public record User(String id, String name, IssuedToken.Ref domain, String passwordExpiresAt) {
    }

    @Schema(name = "TokenProject")
    public record Project(String id, String name, IssuedToken.Ref domain) {
    }

    @Schema(name = "TokenSystem")
    public record SystemScope(boolean all) {
    }

    @Schema(name = "TokenApplicationCredential")
    public record ApplicationCredential(String id, boolean restricted) {
    }
}
