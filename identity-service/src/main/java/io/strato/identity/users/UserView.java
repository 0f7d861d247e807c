package io.strato.identity.users;

import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a user; never the password. */
public record UserView(String id, String name, String domainId, boolean enabled, String defaultProjectId,
                       String description, String email, String passwordExpiresAt, Map<String, Object> options,
                       Map<String, String> links) {

    public static UserView of(User u, Links links) {
        return new UserView(u.id, u.name, u.domainId, u.enabled, u.defaultProjectId, u.description, u.email, null,
                Map.of(), links.self("users/" + u.id));
    }

    @Schema(name = "UserOne")
    public record One(UserView user) {
    }

    @Schema(name = "UserMany")
    public record Many(List<UserView> users, Map<String, String> links) {
    }

    /** Request body: {"user": {...}}. */
    @Schema(name = "UserBody")
    public record Body(Fields user) {
    }

    @Schema(name = "UserFields")
    public record Fields(String name, String domainId, String password, Boolean enabled, String defaultProjectId,
                         String description, String email) {
    }

    /** POST /v3/users/{id}/password: {"user": {"password": ..., "original_password": ...}}. */
    @Schema(name = "UserPasswordBody")
    public record PasswordBody(PasswordChange user) {
    }

    @Schema(name = "UserPasswordChange")
    public record PasswordChange(String password, String originalPassword) {
    }
}
