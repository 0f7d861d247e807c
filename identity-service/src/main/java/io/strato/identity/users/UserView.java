package io.strato.identity.users;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.strato.identity.api.Links;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a user, with its extra attributes beside the others; never the password. */
public record UserView(String id, String name, String domainId, boolean enabled, String defaultProjectId,
                       String description, String email, String passwordExpiresAt, Map<String, Object> options,
                       Map<String, String> links, @JsonAnyGetter Map<String, Object> extra) {

    /** Keys a client may send that are not stored as extra attributes (shown by the server, or ignored). */
    private static final Set<String> NOT_EXTRA = Set.of("id", "links", "options", "password_expires_at", "extra");

    public static UserView of(User u, Links links) {
        return new UserView(u.id, u.name, u.domainId, u.enabled, u.defaultProjectId, u.description, u.email, null,
                Map.of(), links.self("users/" + u.id), u.extra == null ? Map.of() : u.extra);
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

    /** The schema's fields; any other attribute lands in {@code extra} (Keystone's additionalProperties). */
    @Schema(name = "UserFields")
    public record Fields(String name, String domainId, String password, Boolean enabled, String defaultProjectId,
                         String description, String email, @JsonAnySetter Map<String, Object> extra) {

        public Fields {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        /** The extra attributes to store. */
        public Map<String, Object> storedExtra() {
            Map<String, Object> out = new LinkedHashMap<>(extra);
            out.keySet().removeAll(NOT_EXTRA);
            return out;
        }
    }

    /** POST /v3/users/{id}/password: {"user": {"password": ..., "original_password": ...}}. */
    @Schema(name = "UserPasswordBody")
    public record PasswordBody(PasswordChange user) {
    }

    @Schema(name = "UserPasswordChange")
    public record PasswordChange(String password, String originalPassword) {
    }
}
