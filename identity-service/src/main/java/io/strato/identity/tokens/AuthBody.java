package io.strato.identity.tokens;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a {@code POST /v3/auth/tokens} body, for /q/openapi. The resource reads the body as JSON and
 * {@link AuthRequest#parse} checks it with Keystone's messages: the scope is an object or the string
 * {@code "unscoped"}, and which identity parts are required depends on the methods, which a record cannot say.
 */
@Schema(name = "AuthBody")
public record AuthBody(Auth auth) {

    @Schema(name = "Auth")
    public record Auth(Identity identity,
                       @Schema(oneOf = {AuthScope.class, String.class},
                               description = "A scope object, or the string \"unscoped\"") Object scope) {
    }

    @Schema(name = "AuthIdentity")
    public record Identity(
            @Schema(required = true, description = "password, token and/or application_credential") List<String> methods,
            Password password, TokenId token, ApplicationCredential applicationCredential) {
    }

    @Schema(name = "AuthPassword")
    public record Password(UserCredential user) {
    }

    /** A user named by id, or by name within a domain. */
    @Schema(name = "AuthUser")
    public record UserCredential(String id, String name, NameOrId domain, String password) {
    }

    @Schema(name = "AuthToken")
    public record TokenId(String id) {
    }

    @Schema(name = "AuthApplicationCredential")
    public record ApplicationCredential(String id, String name, String secret, UserCredential user) {
    }

    /** Exactly one of project, domain or system. */
    @Schema(name = "AuthScope")
    public record AuthScope(ScopeProject project, NameOrId domain, ScopeSystem system) {
    }

    @Schema(name = "AuthScopeProject")
    public record ScopeProject(String id, String name, NameOrId domain) {
    }

    @Schema(name = "AuthNameOrId")
    public record NameOrId(String id, String name) {
    }

    @Schema(name = "AuthScopeSystem")
    public record ScopeSystem(boolean all) {
    }
}
