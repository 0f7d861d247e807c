package io.strato.compute.servers;

import io.strato.compute.api.Microversion;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Ids;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The SQL of {@code GET /servers[/detail]}: Nova's filters (name regex, status, image, flavor, ip,
 * changes-since; host, vm_state... for admins), sort keys and limit/marker keyset paging over the
 * sort keys (nulls compared as a fixed low value so paging never skips a row).
 */
final class ServerQuery {
    /** What Nova's server list query schema of 2.75 allows (index_query_v275); anything else is 400. */
    static final java.util.Set<String> KEYS_275 = java.util.Set.of("user_id", "project_id", "tenant_id", "launch_index", "image_ref", "image",
            "kernel_id", "ramdisk_id", "hostname", "key_name", "power_state", "vm_state", "task_state", "host", "node",
            "flavor", "reservation_id", "launched_at", "terminated_at", "availability_zone", "name", "display_name",
            "description", "display_description", "locked_by", "uuid", "root_device_name", "config_drive",
            "access_ip_v4", "access_ip_v6", "auto_disk_config", "progress", "sort_key", "sort_dir", "all_tenants",
            "soft_deleted", "deleted", "status", "changes-since", "ip", "ip6", "created_at", "block_device_mapping",
            "services", "metadata", "system_metadata", "info_cache", "security_groups", "pci_devices", "limit",
            "marker", "tags", "tags-any", "not-tags", "not-tags-any", "changes-before", "locked");

    /** Nova sort key → SQL expression over alias {@code %1$s} that is never null. */
    private static final Map<String, String> SORT_KEYS = new LinkedHashMap<>();
    private static final List<String> ADMIN_SORT_KEYS = List.of("host", "node");

    static {
        SORT_KEYS.put("created_at", "%1$s.created_at");
        SORT_KEYS.put("updated_at", "%1$s.updated_at");
        SORT_KEYS.put("launched_at", "coalesce(%1$s.launched_at, cast('-infinity' as timestamptz))");
        SORT_KEYS.put("display_name", "%1$s.name");
        SORT_KEYS.put("display_description", "coalesce(%1$s.description, '')");
        SORT_KEYS.put("uuid", "%1$s.id");
        SORT_KEYS.put("vm_state", "%1$s.vm_state");
        SORT_KEYS.put("task_state", "coalesce(%1$s.task_state, '')");
        SORT_KEYS.put("power_state", "%1$s.power_state");
        SORT_KEYS.put("key_name", "coalesce(%1$s.key_name, '')");
        SORT_KEYS.put("availability_zone", "coalesce(%1$s.availability_zone, '')");
        SORT_KEYS.put("user_id", "%1$s.user_id");
        SORT_KEYS.put("project_id", "%1$s.project_id");
        SORT_KEYS.put("image_ref", "coalesce(cast(%1$s.image_id as text), '')");
        SORT_KEYS.put("instance_type_id", "%1$s.flavor_id");
        SORT_KEYS.put("launch_index", "%1$s.launch_index");
        SORT_KEYS.put("progress", "%1$s.progress");
        SORT_KEYS.put("access_ip_v4", "coalesce(%1$s.access_ipv4, '')");
        SORT_KEYS.put("access_ip_v6", "coalesce(%1$s.access_ipv6, '')");
        SORT_KEYS.put("config_drive", "%1$s.config_drive");
        SORT_KEYS.put("auto_disk_config", "%1$s.disk_config");
        SORT_KEYS.put("host", "coalesce(%1$s.host, '')");
        SORT_KEYS.put("node", "coalesce(%1$s.host, '')");
    }

    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private final List<String[]> order = new ArrayList<>(); // {expression template, "asc"|"desc"}
    private boolean empty;

    private ServerQuery() {
    }

    /**
     * @param allTenants the caller asked for all projects and may (policy checked by the caller)
     * @param admin      the caller may use every filter and sort key (allow_all_filters)
     */
    static ServerQuery of(Map<String, List<String>> q, Caller caller, boolean allTenants, boolean admin, Microversion version) {
        ServerQuery sq = new ServerQuery();
        if (allTenants) {
            String project = first(q, "project_id") != null ? first(q, "project_id") : first(q, "tenant_id");
            if (project != null) {
                sq.add("s.project_id = :project", "project", project);
            }
        } else if (caller.projectId() != null) {
            sq.add("s.project_id = :project", "project", caller.projectId());
        } else {
            sq.add("s.user_id = :owner", "owner", caller.userId());
        }
        String name = first(q, "name");
        if (name != null) {
            try {
                Pattern.compile(name);
            } catch (PatternSyntaxException e) {
                throw new InvalidInput("Invalid filter: name is not a valid regular expression.");
            }
            sq.add("s.name ~ :name", "name", name);
        }
        String status = first(q, "status");
        if (status != null) {
            sq.status(status, version.atLeast(38));
        }
        String image = first(q, "image");
        if (image != null) {
            UUID id = uuidTail(image);
            if (id == null) {
                sq.empty = true;
            } else {
                sq.add("s.image_id = :image", "image", id);
            }
        }
        String flavor = first(q, "flavor");
        if (flavor != null) {
            sq.add("s.flavor_id = :flavor", "flavor", tail(flavor));
        }
        java.time.Instant since = time(q, "changes-since");
        if (since != null) {
            sq.add("s.updated_at >= :since", "since", since);
        }
        java.time.Instant before = version.atLeast(66) ? time(q, "changes-before") : null; // 2.66
        if (before != null) {
            if (since != null && before.isBefore(since)) {
                throw new InvalidInput("The value of changes-since must be less than or equal to changes-before.");
            }
            sq.add("s.updated_at <= :before", "before", before);
        }
        String reservation = first(q, "reservation_id");
        if (reservation != null) {
            sq.add("s.reservation_id = :reservation", "reservation", reservation);
        }
        for (String key : new String[] {"ip", "ip6"}) {
            // ip6 is a filter for everyone from 2.5; before, only allow_all_filters callers have it
            String ip = key.equals("ip6") && !admin && !version.atLeast(5) ? null : first(q, key);
            if (ip != null) {
                sq.add("exists (select 1 from server_port sp, jsonb_array_elements(sp.fixed_ips) f"
                        + " where sp.server_id = s.id and f ->> 'ip_address' ~ :" + key + ")", key, ip);
            }
        }
        if (version.atLeast(26)) {
            sq.tagFilters(q);
        }
        String locked = version.atLeast(73) ? first(q, "locked") : null; // 2.73, for everyone
        if (locked != null) {
            sq.add("s.locked = :f_locked", "f_locked", strictBoolean(locked));
        }
        if (admin) {
            sq.adminFilters(q, null);
        } else if (version.atLeast(83)) { // 2.83: these filters for everyone
            sq.adminFilters(q, MEMBER_FILTERS_283);
        }
        sq.sort(q, admin, version);
        return sq;
    }

    /** 2.26: {@code tags} (all of), {@code tags-any}, {@code not-tags} (not all of), {@code not-tags-any} (none of). */
    private void tagFilters(Map<String, List<String>> q) {
        String[][] filters = {{"tags", "tagsAll", "%s = (select count(*) from server_tag t where t.server_id = s.id and t.tag in (:%s))"},
                {"tags-any", "tagsAny", "exists (select 1 from server_tag t where t.server_id = s.id and t.tag in (:%2$s))"},
                {"not-tags", "notTags", "%s <> (select count(*) from server_tag t where t.server_id = s.id and t.tag in (:%s))"},
                {"not-tags-any", "notTagsAny", "not exists (select 1 from server_tag t where t.server_id = s.id and t.tag in (:%2$s))"}};
        for (String[] f : filters) {
            String v = first(q, f[0]);
            if (v == null) {
                continue;
            }
            List<String> tags = java.util.Arrays.stream(v.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                    .distinct().toList();
            if (tags.isEmpty()) {
                continue;
            }
            add(String.format(f[2], tags.size(), f[1]), f[1], tags);
        }
    }

    /** The filters 2.83 gives every caller (before, admins' only). */
    private static final java.util.Set<String> MEMBER_FILTERS_283 = java.util.Set.of("availability_zone", "config_drive",
            "key_name", "created_at", "launched_at", "terminated_at", "power_state", "task_state", "vm_state", "progress",
            "user_id");

    /** Filters of admins ({@code allowed} null: all of them), or those of {@code allowed}. */
    private void adminFilters(Map<String, List<String>> q, java.util.Set<String> allowed) {
        Map<String, String> columns = Map.of("host", "host", "node", "host", "vm_state", "vm_state",
                "task_state", "task_state", "user_id", "user_id", "key_name", "key_name",
                "availability_zone", "availability_zone", "uuid", "id");
        // Nova matches these as regular expressions over the column's text (times as the database prints them)
        Map<String, String> regex = Map.of("config_drive", "s.config_drive", "progress", "cast(s.progress as text)",
                "created_at", "to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')",
                "launched_at", "to_char(s.launched_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')");
        regex.forEach((filter, expr) -> {
            String v = allowed == null || allowed.contains(filter) ? first(q, filter) : null;
            if (v != null) {
                try {
                    Pattern.compile(v);
                } catch (PatternSyntaxException e) {
                    throw new InvalidInput("Invalid filter: " + filter + " is not a valid regular expression.");
                }
                add("coalesce(" + expr + ", '') ~ :r_" + filter, "r_" + filter, v);
            }
        });
        if ((allowed == null || allowed.contains("terminated_at")) && first(q, "terminated_at") != null) {
            empty = true; // servers are removed when deleted: none has a termination time
        }
        columns.forEach((filter, column) -> {
            String v = allowed == null || allowed.contains(filter) ? first(q, filter) : null;
            if (v == null) {
                return;
            }
            if ("id".equals(column)) {
                UUID id = uuidTail(v);
                if (id == null) {
                    empty = true;
                } else {
                    add("s.id = :f_uuid", "f_uuid", id);
                }
                return;
            }
            add("s." + column + " = :f_" + filter, "f_" + filter, v);
        });
        String power = allowed == null || allowed.contains("power_state") ? first(q, "power_state") : null;
        if (power != null) {
            try {
                add("s.power_state = :f_power", "f_power", Integer.parseInt(power));
            } catch (NumberFormatException e) {
                empty = true;
            }
        }
    }

    private void status(String status, boolean strict) {
        List<ServerStatus.StatePattern> patterns = ServerStatus.patterns(status);
        if (patterns.isEmpty()) {
            if (strict) {
                throw new InvalidInput("Invalid status value"); // 2.38
            }
            empty = true; // before 2.38 Nova answers an unknown status with an empty list
            return;
        }
        List<String> ors = new ArrayList<>();
        int i = 0;
        for (ServerStatus.StatePattern p : patterns) {
            String vm = "st_vm" + i;
            params.put(vm, p.vmState());
            String cond = "s.vm_state = :" + vm;
            if (!p.tasks().isEmpty()) {
                String tasks = "st_tasks" + i;
                params.put(tasks, p.tasks());
                cond += p.negate() ? " and (s.task_state is null or s.task_state not in (:" + tasks + "))"
                        : " and s.task_state in (:" + tasks + ")";
            }
            ors.add("(" + cond + ")");
            i++;
        }
        where.add("(" + String.join(" or ", ors) + ")");
    }

    private static final List<String> TRUE = List.of("1", "t", "true", "on", "y", "yes");
    private static final List<String> FALSE = List.of("0", "f", "false", "off", "n", "no");

    /** oslo's {@code bool_from_string(strict=True)}, as Nova reads the {@code locked} filter. */
    static boolean strictBoolean(String v) {
        String l = v.strip().toLowerCase(java.util.Locale.ROOT);
        if (TRUE.contains(l)) {
            return true;
        }
        if (FALSE.contains(l)) {
            return false;
        }
        throw new InvalidInput("Unrecognized value '" + v + "', acceptable values are: '0', '1', 'f', 'false', 'n', "
                + "'no', 'off', 'on', 't', 'true', 'y', 'yes'");
    }

    private void sort(Map<String, List<String>> q, boolean admin, Microversion version) {
        List<String> keys = q.getOrDefault("sort_key", List.of());
        List<String> dirs = q.getOrDefault("sort_dir", List.of());
        if (dirs.size() > keys.size() && !keys.isEmpty()) {
            throw new InvalidInput("The number of sort_keys and sort_dirs must be same");
        }
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String expr = key.equals("locked") && version.atLeast(73) ? "%1$s.locked" : SORT_KEYS.get(key);
            if (expr == null || (!admin && ADMIN_SORT_KEYS.contains(key))) {
                throw new InvalidInput("Invalid sort_key: " + key);
            }
            String dir = i < dirs.size() ? dirs.get(i).toLowerCase() : (dirs.isEmpty() ? "desc" : dirs.get(dirs.size() - 1));
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw new InvalidInput("Invalid sort_dir: " + dirs.get(i));
            }
            order.add(new String[] {expr, dir});
        }
        if (order.isEmpty()) {
            order.add(new String[] {SORT_KEYS.get("created_at"), "desc"});
        }
        if (order.stream().noneMatch(o -> o[0].equals(SORT_KEYS.get("uuid")))) {
            order.add(new String[] {SORT_KEYS.get("uuid"), order.get(0)[1]});
        }
    }

    boolean isEmpty() {
        return empty;
    }

    Map<String, Object> params() {
        return params;
    }

    /** The scope and filters alone, for checking that a marker is one of the caller's servers. */
    String markerCheck() {
        return "select count(*) from server s where s.id = :marker" + (where.isEmpty() ? "" : " and " + String.join(" and ", where.stream()
                .filter(w -> w.startsWith("s.project_id") || w.startsWith("s.user_id = :owner")).toList()));
    }

    Map<String, Object> markerCheckParams() {
        Map<String, Object> p = new HashMap<>();
        if (params.containsKey("project")) {
            p.put("project", params.get("project"));
        }
        if (params.containsKey("owner")) {
            p.put("owner", params.get("owner"));
        }
        return p;
    }

    /** The page's SQL; with a marker, only rows after it in the sort order. */
    String sql(boolean withMarker) {
        StringBuilder sql = new StringBuilder("select s.* from server s");
        List<String> conds = new ArrayList<>(where);
        if (withMarker) {
            List<String> cols = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                cols.add(order.get(i)[0].formatted("m0") + " as k" + i);
            }
            sql.append(", (select ").append(String.join(", ", cols)).append(" from server m0 where m0.id = :marker) m");
            List<String> ors = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                StringBuilder and = new StringBuilder("(");
                for (int j = 0; j < i; j++) {
                    and.append(order.get(j)[0].formatted("s")).append(" = m.k").append(j).append(" and ");
                }
                and.append(order.get(i)[0].formatted("s")).append("desc".equals(order.get(i)[1]) ? " < " : " > ")
                        .append("m.k").append(i).append(")");
                ors.add(and.toString());
            }
            conds.add("(" + String.join(" or ", ors) + ")");
        }
        if (!conds.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", conds));
        }
        List<String> by = new ArrayList<>();
        order.forEach(o -> by.add(o[0].formatted("s") + " " + o[1]));
        sql.append(" order by ").append(String.join(", ", by)).append(" limit :limit");
        return sql.toString();
    }

    private void add(String condition, String param, Object value) {
        where.add(condition);
        params.put(param, value);
    }

    /** A time filter as Nova parses it; 400 {@code Invalid filter field: <key>.} when it is no ISO 8601 time. */
    private static java.time.Instant time(Map<String, List<String>> q, String key) {
        String v = first(q, key);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.contains("T") && !v.matches(".*([Zz]|[+-]\\d\\d:?\\d\\d)$") ? v + "Z" : v).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("Invalid filter field: " + key + ".");
        }
    }

    static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() || v.get(0) == null || v.get(0).isEmpty() ? null : v.get(0);
    }

    private static String tail(String ref) {
        String r = ref.replaceAll("/+$", "");
        return r.substring(r.lastIndexOf('/') + 1);
    }

    private static UUID uuidTail(String ref) {
        return Ids.orNull(tail(ref));
    }
}
