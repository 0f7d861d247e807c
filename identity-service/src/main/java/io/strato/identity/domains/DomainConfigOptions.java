package io.strato.identity.domains;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options a domain-specific configuration may set, as Keystone allows them: the {@code identity} group's
 * driver and list limit, and the {@code ldap} group's connection and schema options, with Keystone's defaults
 * ({@code GET /v3/domains/config/default}). {@code ldap.password} may be set but is never shown.
 */
final class DomainConfigOptions {
    private DomainConfigOptions() {
    }

    static final Set<String> SENSITIVE_LDAP = Set.of("password");

    /** group → option → default, in Keystone's order; a null default is shown as null. */
    static final Map<String, Map<String, Object>> DEFAULTS;

    static {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("driver", "sql");
        identity.put("list_limit", null);
        Map<String, Object> ldap = new LinkedHashMap<>();
        put(ldap, "url", "ldap://localhost", "user", null, "suffix", "cn=example,cn=com", "query_scope", "one",
                "page_size", 0, "alias_dereferencing", "default", "debug_level", null, "chase_referrals", null,
                "user_tree_dn", null, "user_filter", null, "user_objectclass", "inetOrgPerson",
                "user_id_attribute", "cn", "user_name_attribute", "sn", "user_mail_attribute", "mail",
                "user_description_attribute", "description", "user_pass_attribute", "userPassword",
                "user_enabled_attribute", "enabled", "user_enabled_invert", false, "user_enabled_mask", 0,
                "user_enabled_default", "True", "user_attribute_ignore", List.of("default_project_id"),
                "user_default_project_id_attribute", null, "user_enabled_emulation", false,
                "user_enabled_emulation_dn", null, "user_enabled_emulation_use_group_config", false,
                "user_additional_attribute_mapping", List.of(), "group_tree_dn", null, "group_filter", null,
                "group_objectclass", "groupOfNames", "group_id_attribute", "cn", "group_name_attribute", "ou",
                "group_member_attribute", "member", "group_members_are_ids", false,
                "group_desc_attribute", "description", "group_attribute_ignore", List.of(),
                "group_additional_attribute_mapping", List.of(), "tls_cacertfile", null, "tls_cacertdir", null,
                "use_tls", false, "tls_req_cert", "demand", "use_pool", true, "pool_size", 10,
                "pool_retry_max", 3, "pool_retry_delay", 0.1, "pool_connection_timeout", -1,
                "pool_connection_lifetime", 600, "use_auth_pool", true, "auth_pool_size", 100,
                "auth_pool_connection_lifetime", 60);
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        all.put("identity", Collections.unmodifiableMap(identity));
        all.put("ldap", Collections.unmodifiableMap(ldap));
        DEFAULTS = Collections.unmodifiableMap(all);
    }

    private static void put(Map<String, Object> m, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
    }

    static boolean isGroup(String group) {
        return DEFAULTS.containsKey(group);
    }

    /** An option a domain may set (shown or sensitive). */
    static boolean isOption(String group, String option) {
        return isGroup(group) && (DEFAULTS.get(group).containsKey(option)
                || ("ldap".equals(group) && SENSITIVE_LDAP.contains(option)));
    }

    static boolean isSensitive(String group, String option) {
        return "ldap".equals(group) && SENSITIVE_LDAP.contains(option);
    }

    static List<String> groups() {
        return Arrays.asList(DEFAULTS.keySet().toArray(String[]::new));
    }
}
