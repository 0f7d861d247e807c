package io.strato.compute.scheduler;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.hosts.HostLiveness;
import io.strato.compute.hosts.HostZones;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link HostState}s of one request from {@code compute_host} rows (liveness by the
 * database's clock) and, for a request with a server group, the hosts of the group's other members:
 * those holding an allocation (claimed, perhaps not yet recorded on the server) or recorded as the
 * server's host.
 */
@ApplicationScoped
public class HostStates {
    private static final String GROUP_HOSTS = "SELECT host, count(*) FROM ("
            + "SELECT a.server_id, a.host FROM allocation a JOIN server_group_member m ON m.server_id = a.server_id "
            + "WHERE m.group_id = :g AND a.server_id <> :s "
            + "UNION SELECT v.id, v.host FROM server v JOIN server_group_member m ON m.server_id = v.id "
            + "WHERE m.group_id = :g AND v.id <> :s AND v.host IS NOT NULL AND v.vm_state <> 'deleted'"
            + ") members GROUP BY host";

    private final String hostsSql;

    public HostStates(HostLiveness liveness) {
        this.hostsSql = "SELECT host, " + HostZones.of("h") + ", hypervisor_type, cpu_arch, vcpus, vcpus_used, memory_mb, "
                + "memory_mb_used, local_gb, local_gb_used, cpu_allocation_ratio, ram_allocation_ratio, "
                + "disk_allocation_ratio, enabled, " + liveness.upSql("h") + " FROM compute_host h ORDER BY host";
    }

    public Uni<List<HostState>> load(RequestSpec spec) {
        return groupMembersByHost(spec).chain(members -> Panache.getSession()
                .chain(s -> s.createNativeQuery(hostsSql, Object[].class).getResultList())
                .map(rows -> {
                    Set<String> groupHosts = Set.copyOf(members.keySet());
                    List<HostState> out = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        String host = (String) r[0];
                        out.add(new HostState(host, (String) r[1], (String) r[2], (String) r[3],
                                num(r[4]).intValue(), num(r[5]).intValue(), num(r[6]).longValue(), num(r[7]).longValue(),
                                num(r[8]).longValue(), num(r[9]).longValue(), num(r[10]).doubleValue(),
                                num(r[11]).doubleValue(), num(r[12]).doubleValue(), (Boolean) r[13], (Boolean) r[14],
                                members.getOrDefault(host, 0), groupHosts));
                    }
                    return out;
                }));
    }

    private static Uni<Map<String, Integer>> groupMembersByHost(RequestSpec spec) {
        if (spec.groupId() == null) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(GROUP_HOSTS, Object[].class)
                        .setParameter("g", spec.groupId()).setParameter("s", spec.serverId()).getResultList())
                .map(rows -> {
                    Map<String, Integer> byHost = new HashMap<>();
                    for (Object[] r : rows) {
                        byHost.put((String) r[0], num(r[1]).intValue());
                    }
                    return byHost;
                });
    }

    private static Number num(Object o) {
        return (Number) o;
    }
}
