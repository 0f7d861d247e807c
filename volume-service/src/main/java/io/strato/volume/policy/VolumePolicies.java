package io.strato.volume.policy;

import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Cinder's rules under secure RBAC: readers read their project's volumes, members change them, admins
 * everything; volume types and quotas are managed by admins. Which volumes a caller sees at all is
 * decided by the service (another project's volume is a 404, not a 403).
 */
@ApplicationScoped
public class VolumePolicies implements PolicyRules {
    public static final String ADMIN = "context_is_admin";
    public static final String READ = "volume:get";
    public static final String WRITE = "volume:create";
    public static final String MANAGE_TYPES = "volume_extension:types_manage";
    public static final String RESET_STATUS = "volume_extension:volume_admin_actions:reset_status";
    public static final String UPDATE_QUOTA = "volume_extension:quotas:update";
    public static final String QUOTA_CLASSES = "volume_extension:quota_classes";
    public static final String FORCE_DELETE = "volume_extension:volume_admin_actions:force_delete";
    public static final String FORCE_DETACH = "volume_extension:volume_admin_actions:force_detach";
    public static final String SNAPSHOT_RESET_STATUS = "volume_extension:snapshot_admin_actions:reset_status";
    public static final String SNAPSHOT_FORCE_DELETE = "volume_extension:snapshot_admin_actions:force_delete";
    public static final String SNAPSHOT_UPDATE_STATUS = "snapshot_extension:snapshot_actions:update_snapshot_status";
    /** Shows {@code os-volume-type-access:is_public} in type answers. */
    public static final String TYPE_ACCESS = "volume_extension:volume_type_access";
    public static final String TYPE_ACCESS_ADD = "volume_extension:volume_type_access:addProjectAccess";
    public static final String TYPE_ACCESS_REMOVE = "volume_extension:volume_type_access:removeProjectAccess";
    public static final String TYPE_ACCESS_LIST = "volume_extension:volume_type_access:get_all_for_type";
    public static final String SERVICES_INDEX = "volume_extension:services:index";
    public static final String SERVICES_UPDATE = "volume_extension:services:update";
    public static final String HOSTS = "volume_extension:hosts";
    public static final String CAPABILITIES = "volume_extension:capabilities";
    public static final String ENCRYPTION_TYPES = "volume_extension:volume_type_encryption";
    public static final String GROUP_TYPES_MANAGE = "group:group_types:create";
    public static final String GROUP_TYPES_SPECS = "group:group_types_specs";
    /** Shows {@code group_specs} in group type answers. */
    public static final String GROUP_TYPES_SPECS_ACCESS = "group:access_group_types_specs";
    public static final String GROUP_RESET_STATUS = "group:reset_status";
    public static final String GROUP_SNAPSHOT_RESET_STATUS = "group:reset_group_snapshot_status";
    public static final String TRANSFER_GET_ALL = "volume:get_all_transfers";
    public static final String TRANSFER_GET = "volume:get_transfer";
    public static final String TRANSFER_CREATE = "volume:create_transfer";
    /** Any project's member may accept: the auth key, not the policy, decides who takes the volume. */
    public static final String TRANSFER_ACCEPT = "volume:accept_transfer";
    public static final String TRANSFER_DELETE = "volume:delete_transfer";

    @Override
    public Map<String, String> defaults() {
        return Map.ofEntries(
                Map.entry(ADMIN, "role:admin"),
                Map.entry("volume_reader", "role:admin or role:reader or role:member"),
                Map.entry("volume_member", "role:admin or role:member"),
                Map.entry(READ, "rule:volume_reader"),
                Map.entry(WRITE, "rule:volume_member"),
                Map.entry(MANAGE_TYPES, "rule:context_is_admin"),
                Map.entry(RESET_STATUS, "rule:context_is_admin"),
                Map.entry(UPDATE_QUOTA, "rule:context_is_admin"),
                Map.entry(QUOTA_CLASSES, "rule:context_is_admin"),
                Map.entry(FORCE_DELETE, "rule:context_is_admin"),
                Map.entry(FORCE_DETACH, "rule:context_is_admin"),
                Map.entry(SNAPSHOT_RESET_STATUS, "rule:context_is_admin"),
                Map.entry(SNAPSHOT_FORCE_DELETE, "rule:context_is_admin"),
                Map.entry(SNAPSHOT_UPDATE_STATUS, "rule:volume_member"),
                Map.entry(TYPE_ACCESS, "rule:volume_member"),
                Map.entry(TYPE_ACCESS_ADD, "rule:context_is_admin"),
                Map.entry(TYPE_ACCESS_REMOVE, "rule:context_is_admin"),
                Map.entry(TYPE_ACCESS_LIST, "rule:context_is_admin"),
                Map.entry(SERVICES_INDEX, "rule:context_is_admin"),
                Map.entry(SERVICES_UPDATE, "rule:context_is_admin"),
                Map.entry(HOSTS, "rule:context_is_admin"),
                Map.entry(CAPABILITIES, "rule:context_is_admin"),
                Map.entry(ENCRYPTION_TYPES, "rule:context_is_admin"),
                Map.entry(GROUP_TYPES_MANAGE, "rule:context_is_admin"),
                Map.entry(GROUP_TYPES_SPECS, "rule:context_is_admin"),
                Map.entry(GROUP_TYPES_SPECS_ACCESS, "rule:context_is_admin"),
                Map.entry(GROUP_RESET_STATUS, "rule:context_is_admin"),
                Map.entry(GROUP_SNAPSHOT_RESET_STATUS, "rule:context_is_admin"),
                Map.entry(TRANSFER_GET_ALL, "rule:volume_reader"),
                Map.entry(TRANSFER_GET, "rule:volume_reader"),
                Map.entry(TRANSFER_CREATE, "rule:volume_member"),
                Map.entry(TRANSFER_ACCEPT, "rule:volume_member"),
                Map.entry(TRANSFER_DELETE, "rule:volume_member"));
    }
}
