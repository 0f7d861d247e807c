package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import io.strato.network.api.Ids;
import io.strato.network.api.Neutron;
import io.strato.network.secgroups.DefaultGroups;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The security groups of ports (rows of {@code port_security_group}) and Neutron's rules for them;
 * runs in the caller's session.
 */
@ApplicationScoped
public class PortSecurityGroups {
    private final DefaultGroups defaultGroups;

    public PortSecurityGroups(DefaultGroups defaultGroups) {
        this.defaultGroups = defaultGroups;
    }

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
        return s.createNativeQuery("DELETE FROM port_security_group WHERE port_id = :p").setParameter("p", portId)
                .executeUpdate().chain(() -> add(s, portId, groups));
    }

    /** Gives the port (a new one: it has none yet) {@code groups}. */
    Uni<Void> add(Mutiny.Session s, UUID portId, Collection<UUID> groups) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID g : groups) {
            chain = chain.chain(() -> s.createNativeQuery("INSERT INTO port_security_group (port_id, security_group_id) VALUES (:p, :g)")
                    .setParameter("p", portId).setParameter("g", g).executeUpdate().replaceWithVoid());
        }
        return chain;
    }

    /**
     * The groups a new port gets: the given ones (checked), none without port security or for a
     * network-owned port, else its project's default group (made on first use).
     */
    Uni<List<UUID>> forNewPort(Mutiny.Session s, boolean admin, Port p, Optional<List<UUID>> given) {
        if (!p.portSecurityEnabled) {
            return Uni.createFrom().item(List.of());
        }
        if (given.isPresent()) {
            return check(s, admin, p.projectId, given.get()).replaceWith(given.get());
        }
        if (p.deviceOwner.startsWith("network:")) {
            return Uni.createFrom().item(List.of());
        }
        return defaultGroups.ensure(p.projectId).map(List::of);
    }

    /** 404 SecurityGroupNotFound for a group that does not exist or belongs to another project (admins may use any). */
    Uni<Void> check(Mutiny.Session s, boolean admin, String projectId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // admins may use any project's group; everybody else only the port's own project's
        return s.createNativeQuery("SELECT id FROM security_group WHERE id = ANY(CAST(string_to_array(:ids, ',') AS uuid[]))"
                        + " AND (CAST(:anyProject AS boolean) OR project_id = :p)", UUID.class)
                .setParameter("ids", Ids.sqlArray(ids))
                .setParameter("anyProject", admin)
                .setParameter("p", projectId)
                .getResultList().map(found -> {
                    for (UUID id : ids) {
                        if (!found.contains(id)) {
                            throw Neutron.notFound("SecurityGroup", id);
                        }
                    }
                    return null;
                }).replaceWithVoid();
    }

    /** Neutron's port-security rules: without port security a port has no security groups and no address pairs. */
    static void checkPortSecurity(boolean enabled, List<UUID> sgs, List<Map<String, String>> pairs, boolean groupsKept) {
        if (enabled) {
            return;
        }
        if (!sgs.isEmpty()) {
            throw groupsKept
                    ? Neutron.conflict("PortSecurityPortHasSecurityGroup", "Port has security group associated. Cannot disable "
                            + "port security or IP address until security group is removed")
                    : Neutron.conflict("PortSecurityAndIPRequiredForSecurityGroups", "Port security must be enabled and "
                            + "port must have an IP address in order to use security groups.");
        }
        if (!pairs.isEmpty()) {
            throw Neutron.conflict("AddressPairAndPortSecurityRequired",
                    "Port Security must be enabled in order to have allowed address pairs on a port.");
        }
    }
}
