package io.strato.identity.users;

import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;

/** Keystone's JSON for a user; never the password. */
public record UserView(String id, String name, String domainId, boolean enabled, String defaultProjectId,
                       String description, String email, String passwordExpiresAt, Map<String, Object> options,
                       Map<String, String> links) {

    public static UserView of(User u, Links links) {
        return new UserView(u.id, u.name, u.domainId, u.enabled, u.defaultProjectId, u.description, u.email, null,
                Map.of(), links.self("users/" + u.id));
    }

    public record One(UserView user) {
    }

    public record Many(List<UserView> users, Map<String, String> links) {
    }

    /** Request body: {"user": {...}}. */
    public record Body(Fields user) {
    }

    public record Fields(String name, String domainId, String password, Boolean enabled, String defaultProjectId,
                         String description, String email) {
    }

    /** POST /v3/users/{id}/password: {"user": {"password": ..., "original_password": ...}}. */
    public record PasswordBody(PasswordChange user) {
    }

    public record PasswordChange(String password, String originalPassword) {
    }
}
