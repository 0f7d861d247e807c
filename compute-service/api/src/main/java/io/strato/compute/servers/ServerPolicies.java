package io.strato.compute.servers;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's default policies for servers, actions and instance actions (secure RBAC: readers of the
 * server's project read, members act, admins do both everywhere), over {@link NovaBaseRules}. Rule
 * names are Nova's, so an operator's policy.yaml written for Nova overrides them.
 */
@ApplicationScoped
public class ServerPolicies implements PolicyRules {
    static final String READER = NovaBaseRules.PROJECT_READER_OR_ADMIN;
    static final String MEMBER = NovaBaseRules.PROJECT_MEMBER_OR_ADMIN;
    static final String ADMIN = NovaBaseRules.ADMIN;

    public static final String INDEX = "os_compute_api:servers:index";
    public static final String DETAIL = "os_compute_api:servers:detail";
    public static final String INDEX_ALL_TENANTS = "os_compute_api:servers:index:get_all_tenants";
    public static final String DETAIL_ALL_TENANTS = "os_compute_api:servers:detail:get_all_tenants";
    public static final String ALL_FILTERS = "os_compute_api:servers:allow_all_filters";
    public static final String SHOW = "os_compute_api:servers:show";
    public static final String CREATE = "os_compute_api:servers:create";
    public static final String CREATE_FORCED_HOST = "os_compute_api:servers:create:forced_host";
    public static final String TOPOLOGY = "compute:server:topology:index";
    public static final String CREATE_REQUESTED_DESTINATION = "compute:servers:create:requested_destination";
    public static final String UPDATE = "os_compute_api:servers:update";
    public static final String DELETE = "os_compute_api:servers:delete";
    public static final String START = "os_compute_api:servers:start";
    public static final String STOP = "os_compute_api:servers:stop";
    public static final String REBOOT = "os_compute_api:servers:reboot";
    public static final String RESIZE = "os_compute_api:servers:resize";
    public static final String CONFIRM_RESIZE = "os_compute_api:servers:confirm_resize";
    public static final String REVERT_RESIZE = "os_compute_api:servers:revert_resize";
    public static final String REBUILD = "os_compute_api:servers:rebuild";
    public static final String CREATE_IMAGE = "os_compute_api:servers:create_image";
    public static final String CREATE_BACKUP = "os_compute_api:os-create-backup";
    public static final String LOCK = "os_compute_api:os-lock-server:lock";
    public static final String UNLOCK = "os_compute_api:os-lock-server:unlock";
    public static final String UNLOCK_OVERRIDE = "os_compute_api:os-lock-server:unlock:unlock_override";
    public static final String RESET_STATE = "os_compute_api:os-admin-actions:reset_state";
    public static final String INJECT_NETWORK_INFO = "os_compute_api:os-admin-actions:inject_network_info";
    public static final String RESTORE = "os_compute_api:os-deferred-delete:restore";
    public static final String FORCE_DELETE = "os_compute_api:os-deferred-delete:force";
    public static final String ADD_SECURITY_GROUP = "os_compute_api:os-security-groups:add";
    public static final String REMOVE_SECURITY_GROUP = "os_compute_api:os-security-groups:remove";
    public static final String ADD_FLOATING_IP = "os_compute_api:os-floating-ips:add";
    public static final String REMOVE_FLOATING_IP = "os_compute_api:os-floating-ips:remove";
    public static final String PAUSE = "os_compute_api:os-pause-server:pause";
    public static final String UNPAUSE = "os_compute_api:os-pause-server:unpause";
    public static final String SUSPEND = "os_compute_api:os-suspend-server:suspend";
    public static final String RESUME = "os_compute_api:os-suspend-server:resume";
    public static final String IPS_INDEX = "os_compute_api:ips:index";
    public static final String IPS_SHOW = "os_compute_api:ips:show";
    public static final String CONSOLE_OUTPUT = "os_compute_api:os-console-output";
    public static final String METADATA_INDEX = "os_compute_api:server-metadata:index";
    public static final String METADATA_SHOW = "os_compute_api:server-metadata:show";
    public static final String METADATA_CREATE = "os_compute_api:server-metadata:create";
    public static final String METADATA_UPDATE_ALL = "os_compute_api:server-metadata:update_all";
    public static final String METADATA_UPDATE = "os_compute_api:server-metadata:update";
    public static final String METADATA_DELETE = "os_compute_api:server-metadata:delete";
    public static final String TAGS_INDEX = "os_compute_api:os-server-tags:index";
    public static final String TAGS_SHOW = "os_compute_api:os-server-tags:show";
    public static final String TAGS_UPDATE = "os_compute_api:os-server-tags:update";
    public static final String TAGS_UPDATE_ALL = "os_compute_api:os-server-tags:update_all";
    public static final String TAGS_DELETE = "os_compute_api:os-server-tags:delete";
    public static final String TAGS_DELETE_ALL = "os_compute_api:os-server-tags:delete_all";
    public static final String FLAVOR_EXTRA_SPECS = "os_compute_api:servers:show:flavor-extra-specs";
    public static final String HOST_STATUS = "os_compute_api:servers:show:host_status";
    public static final String HOST_STATUS_UNKNOWN_ONLY = "os_compute_api:servers:show:host_status:unknown-only";
    public static final String EXTENDED_ATTRIBUTES = "os_compute_api:os-extended-server-attributes";
    public static final String ACTIONS_LIST = "os_compute_api:os-instance-actions:list";
    public static final String ACTIONS_SHOW = "os_compute_api:os-instance-actions:show";
    public static final String ACTIONS_EVENTS = "os_compute_api:os-instance-actions:events";
    public static final String ACTIONS_EVENTS_DETAILS = "os_compute_api:os-instance-actions:events:details";

    @Override
    public Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(INDEX, READER);
        r.put(DETAIL, READER);
        r.put(INDEX_ALL_TENANTS, ADMIN);
        r.put(DETAIL_ALL_TENANTS, ADMIN);
        r.put(ALL_FILTERS, ADMIN);
        r.put(SHOW, READER);
        r.put(CREATE, MEMBER);
        r.put(CREATE_IMAGE, MEMBER);
        r.put(CREATE_BACKUP, MEMBER);
        r.put(CREATE_FORCED_HOST, ADMIN);
        r.put(TOPOLOGY, READER);
        r.put(CREATE_REQUESTED_DESTINATION, ADMIN);
        r.put(UPDATE, MEMBER);
        r.put(DELETE, MEMBER);
        r.put(START, MEMBER);
        r.put(STOP, MEMBER);
        r.put(REBOOT, MEMBER);
        r.put(RESIZE, MEMBER);
        r.put(CONFIRM_RESIZE, MEMBER);
        r.put(REVERT_RESIZE, MEMBER);
        r.put(REBUILD, MEMBER);
        r.put(LOCK, MEMBER);
        r.put(UNLOCK, MEMBER);
        r.put(UNLOCK_OVERRIDE, ADMIN);
        r.put(RESET_STATE, ADMIN);
        r.put(INJECT_NETWORK_INFO, ADMIN);
        r.put(RESTORE, MEMBER);
        r.put(FORCE_DELETE, MEMBER);
        r.put(ADD_SECURITY_GROUP, MEMBER);
        r.put(REMOVE_SECURITY_GROUP, MEMBER);
        r.put(ADD_FLOATING_IP, MEMBER);
        r.put(REMOVE_FLOATING_IP, MEMBER);
        r.put(PAUSE, MEMBER);
        r.put(UNPAUSE, MEMBER);
        r.put(SUSPEND, MEMBER);
        r.put(RESUME, MEMBER);
        r.put(IPS_INDEX, READER);
        r.put(IPS_SHOW, READER);
        r.put(CONSOLE_OUTPUT, MEMBER);
        r.put(METADATA_INDEX, READER);
        r.put(METADATA_SHOW, READER);
        r.put(METADATA_CREATE, MEMBER);
        r.put(METADATA_UPDATE_ALL, MEMBER);
        r.put(METADATA_UPDATE, MEMBER);
        r.put(METADATA_DELETE, MEMBER);
        r.put(TAGS_INDEX, READER);
        r.put(TAGS_SHOW, READER);
        r.put(TAGS_UPDATE, MEMBER);
        r.put(TAGS_UPDATE_ALL, MEMBER);
        r.put(TAGS_DELETE, MEMBER);
        r.put(TAGS_DELETE_ALL, MEMBER);
        r.put(FLAVOR_EXTRA_SPECS, READER);
        r.put(HOST_STATUS, ADMIN);
        r.put(HOST_STATUS_UNKNOWN_ONLY, ADMIN);
        r.put(EXTENDED_ATTRIBUTES, ADMIN);
        r.put(ACTIONS_LIST, READER);
        r.put(ACTIONS_SHOW, READER);
        r.put(ACTIONS_EVENTS, ADMIN);
        r.put(ACTIONS_EVENTS_DETAILS, ADMIN);
        return r;
    }

    /** The target of a server's rules. */
    public static Map<String, Object> target(String projectId, String userId) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("project_id", projectId);
        if (userId != null) {
            t.put("user_id", userId);
        }
        return t;
    }

    public static Map<String, Object> target(Server s) {
        return target(s.projectId, s.userId);
    }
}
