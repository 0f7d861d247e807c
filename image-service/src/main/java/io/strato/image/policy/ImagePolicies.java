package io.strato.image.policy;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Glance's image rules under secure RBAC: readers read, members write their own project's images,
 * admins everything; only an admin publicises. The target of every rule is the image's
 * {@code owner} (the owning project). Which images a reader may see at all (public, own, shared
 * with them, community) is decided by the service, so that an invisible image is a 404, not a 403.
 */
@ApplicationScoped
public class ImagePolicies implements PolicyRules {
    public static final String ADMIN = "context_is_admin";
    public static final String GET = "get_image";
    public static final String LIST = "get_images";
    public static final String ADD = "add_image";
    public static final String MODIFY = "modify_image";
    public static final String DELETE = "delete_image";
    public static final String PUBLICIZE = "publicize_image";
    public static final String COMMUNITIZE = "communitize_image";
    public static final String DEACTIVATE = "deactivate";
    public static final String REACTIVATE = "reactivate";

    @Override
    public Map<String, String> defaults() {
        return Map.ofEntries(
                Map.entry(ADMIN, "role:admin"),
                Map.entry("image_reader", "role:admin or role:reader or role:member"),
                Map.entry("project_member_of_image", "role:admin or (role:member and project_id:%(owner)s)"),
                Map.entry(GET, "rule:image_reader"),
                Map.entry(LIST, "rule:image_reader"),
                Map.entry(ADD, "rule:project_member_of_image"),
                Map.entry(MODIFY, "rule:project_member_of_image"),
                Map.entry(DELETE, "rule:project_member_of_image"),
                Map.entry(PUBLICIZE, "rule:context_is_admin"),
                Map.entry(COMMUNITIZE, "rule:project_member_of_image"),
                Map.entry(DEACTIVATE, "rule:project_member_of_image"),
                Map.entry(REACTIVATE, "rule:project_member_of_image"));
    }

    /** The target of an image rule. */
    public static Map<String, Object> target(String owner) {
        return Map.of("owner", owner == null ? "" : owner);
    }
}
