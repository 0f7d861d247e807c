package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import io.strato.network.api.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** The security groups of ports (rows of {@code port_security_group}); runs in the caller's session. */
@ApplicationScoped
public class PortSecurityGroups {

    public Uni<Map<UUID, List<UUID>>> ofPorts(Mutiny.Session s, Collection<UUID> portIds) {
        if (portIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return s.createNativeQuery("SELECT port_id, security_group_id FROM port_security_group "
                        + "WHERE port_id = ANY(CAST(string_to_array(:ids, ',') AS uuid[])) ORDER BY port_id, security_group_id", Object[].class)
                .setParameter("ids", Ids.sqlArray(portIds))
                .getResultList().map(rows -> {
                    Map<UUID, List<UUID>> out = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]);
                    }
                    return out;
                });
    }

    /** Replaces the port's groups with {@code groups}. */
    public Uni<Void> set(Mutiny.Session s, UUID portId, Collection<UUID> groups) {
        Uni<Void> chain = s.createNativeQuery("DELETE FROM port_security_group WHERE port_id = :p").setParameter("p", portId)
                .executeUpdate().replaceWithVoid();
        for (UUID g : groups) {
            chain = chain.chain(() -> s.createNativeQuery("INSERT INTO port_security_group (port_id, security_group_id) VALUES (:p, :g)")
                    .setParameter("p", portId).setParameter("g", g).executeUpdate().replaceWithVoid());
        }
        return chain;
    }
}
