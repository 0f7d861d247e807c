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
        String since = first(q, "changes-since");
        if (since != null) {
            try {
                sq.add("s.updated_at >= :since", "since", OffsetDateTime.parse(since.contains("T") && !since.matches(".*([Zz]|[+-]\\d\\d:?\\d\\d)$")
                        ? since + "Z" : since).toInstant());
            } catch (DateTimeParseException e) {
                throw new InvalidInput("Invalid filter field: changes-since.");
            }
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
        if (admin) {
            sq.adminFilters(q);
        }
        sq.sort(q, admin);
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

    private void adminFilters(Map<String, List<String>> q) {
        Map<String, String> columns = Map.of("host", "host", "node", "host", "vm_state", "vm_state",
                "task_state", "task_state", "user_id", "user_id", "key_name", "key_name",
                "availability_zone", "availability_zone", "uuid", "id");
        columns.forEach((filter, column) -> {
            String v = first(q, filter);
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
        String power = first(q, "power_state");
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

    private void sort(Map<String, List<String>> q, boolean admin) {
        List<String> keys = q.getOrDefault("sort_key", List.of());
        List<String> dirs = q.getOrDefault("sort_dir", List.of());
        if (dirs.size() > keys.size() && !keys.isEmpty()) {
            throw new InvalidInput("The number of sort_keys and sort_dirs must be same");
        }
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String expr = SORT_KEYS.get(key);
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
