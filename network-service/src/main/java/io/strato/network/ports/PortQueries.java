package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.network.api.ListRequest;
import io.strato.network.api.ListSql;
import io.strato.network.api.Lists;
import io.strato.network.api.Neutron;
import io.strato.network.ipam.Addresses;
import io.strato.network.ipam.Ipam;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading ports with what their views need: one query for the page of ports, one for all their
 * addresses and one for all their security groups, whatever the page size.
 */
@ApplicationScoped
public class PortQueries {
    private static final ListSql LIST = new ListSql("port", Map.ofEntries(
            Map.entry("id", "id"), Map.entry("name", "name"), Map.entry("description", "description"),
            Map.entry("network_id", "network_id"), Map.entry("project_id", "project_id"),
            Map.entry("admin_state_up", "admin_state_up"), Map.entry("mac_address", "mac_address"),
            Map.entry("device_id", "device_id"), Map.entry("device_owner", "device_owner"), Map.entry("status", "status"),
            Map.entry("port_security_enabled", "port_security_enabled"), Map.entry(PortRequest.HOST, "binding_host_id"),
            Map.entry(PortRequest.VNIC, "binding_vnic_type"), Map.entry("dns_name", "dns_name"), Map.entry("tags", "tags"),
            Map.entry("created_at", "created_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("revision_number", "revision_number")));

    private final PortAccess access;
    private final Lists lists;
    private final Ipam ipam;
    private final PortSecurityGroups groups;

    public PortQueries(PortAccess access, Lists lists, Ipam ipam, PortSecurityGroups groups) {
        this.access = access;
        this.lists = lists;
        this.ipam = ipam;
        this.groups = groups;
    }

    @WithSession
    public Uni<PortDetails> show(Caller caller, UUID id) {
        return access.visible(caller, id, null)
                .invoke(p -> access.enforce(PortPolicies.GET, caller, Map.of("project_id", p.projectId)))
                .flatMap(this::details);
    }

    @WithSession
    public Uni<List<PortDetails>> list(Caller caller, ListRequest request) {
        return list(caller, access.isAdmin(caller), request);
    }

    /** The port's addresses and security groups. */
    Uni<PortDetails> details(Port p) {
        return complete(List.of(p)).map(all -> all.get(0));
    }

    /**
     * The ports the caller may see (admin: all; others: their project's) that match the request,
     * including Neutron's {@code fixed_ips=ip_address=...|subnet_id=...|ip_address_substr=...} and
     * {@code security_groups=<id>} filters.
     */
    private Uni<List<PortDetails>> list(Caller caller, boolean admin, ListRequest request) {
        Map<String, List<String>> filters = new LinkedHashMap<>(request.filters());
        List<String> fixed = filters.remove("fixed_ips");
        List<String> sgs = filters.remove("security_groups");
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!admin) {
            where.add("project_id = :scope_project");
            params.put("scope_project", String.valueOf(caller.projectId()));
        }
        int i = 0;
        for (String f : fixed == null ? List.<String>of() : fixed) {
            String[] kv = f.split("=", 2);
            String p = "fx" + i++;
            if (kv.length != 2) {
                throw Neutron.badRequest("HTTPBadRequest", "Invalid fixed_ips filter '" + f + "'.");
            }
            switch (kv[0]) {
                case "ip_address" -> {
                    String ip = Addresses.canonical(kv[1]);
                    params.put(p, ip == null ? kv[1] : ip);
                    where.add("id IN (SELECT a.port_id FROM ip_allocation a WHERE a.ip_address = :" + p + ")");
                }
                case "subnet_id" -> {
                    params.put(p, kv[1]);
                    where.add("id IN (SELECT a.port_id FROM ip_allocation a WHERE CAST(a.subnet_id AS text) = :" + p + ")");
                }
                case "ip_address_substr" -> {
                    params.put(p, "%" + kv[1].replace("%", "\\%").replace("_", "\\_") + "%");
                    where.add("id IN (SELECT a.port_id FROM ip_allocation a WHERE a.ip_address LIKE :" + p + ")");
                }
                default -> throw Neutron.badRequest("HTTPBadRequest", "Invalid fixed_ips filter '" + f + "'.");
            }
        }
        for (String g : sgs == null ? List.<String>of() : sgs) {
            String p = "sg" + i++;
            params.put(p, g);
            where.add("id IN (SELECT g.port_id FROM port_security_group g WHERE CAST(g.security_group_id AS text) = :" + p + ")");
        }
        ListRequest rest = new ListRequest(filters, request.fields(), request.sortKeys(), request.sortDirs(), request.limit(),
                request.marker(), request.pageReverse(), request.tags(), request.tagsAny(), request.notTags(), request.notTagsAny());
        ListSql.Query q = LIST.select(rest, where.isEmpty() ? null : String.join(" AND ", where), params);
        return lists.fetch(Port.class, q).flatMap(this::complete);
    }

    private Uni<List<PortDetails>> complete(List<Port> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = found.stream().map(p -> p.id).toList();
        return Panache.getSession().flatMap(s -> ipam.ofPorts(s, ids).flatMap(ips -> groups.ofPorts(s, ids).map(sgs ->
                found.stream().map(p -> new PortDetails(p, PortAddresses.fixedIps(ips.getOrDefault(p.id, List.of())),
                        sgs.getOrDefault(p.id, List.of()))).toList())));
    }
}
