package io.strato.compute.servergroups;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.LockMode;

/** Server groups of a project and their members (the servers that joined them at create). */
@ApplicationScoped
public class ServerGroupService {
    private final ServerGroupRepository groups;
    private final ComputeQuota quota;

    public ServerGroupService(ServerGroupRepository groups, ComputeQuota quota) {
        this.groups = groups;
        this.quota = quota;
    }

    /** A group and the ids of its servers. */
    record WithMembers(ServerGroup group, List<UUID> members) {
    }

    /** Creates a group in the caller's project under its server_groups quota (403 when over). */
    @WithTransaction
    public Uni<ServerGroup> create(Caller caller, ServerGroupRequest r) {
        ServerGroup g = new ServerGroup();
        g.id = UUID.randomUUID();
        g.projectId = caller.projectId();
        g.userId = caller.userId();
        g.name = r.name();
        g.policy = r.policy();
        g.rules = new HashMap<>(r.rules());
        g.createdAt = Instant.now();
        return quota.claimServerGroup(g.projectId).chain(() -> groups.persistAndFlush(g));
    }

    /** The groups of a project (null: of every project), oldest first, {@code offset} and {@code limit} as Nova pages. */
    @WithSession
    public Uni<List<WithMembers>> list(String projectId, int offset, int limit) {
        var query = projectId == null ? groups.findAll(Sort.by("createdAt").and("id"))
                : groups.find("projectId", Sort.by("createdAt").and("id"), projectId);
        return query.range(offset, offset + limit - 1).list().flatMap(this::withMembers);
    }

    /** A group, or 404 "Instance group ... could not be found." */
    @WithSession
    public Uni<WithMembers> show(UUID id) {
        return existing(id).flatMap(g -> withMembers(List.of(g))).map(l -> l.get(0));
    }

    @WithSession
    public Uni<ServerGroup> find(UUID id) {
        return existing(id);
    }

    /**
     * Deletes a group (with members, as Nova allows): its memberships go with it and its servers no longer name it.
     * The group's row lock keeps a concurrent create from joining it meanwhile ({@link ServerGroups#addMember}).
     */
    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return Panache.getSession().flatMap(s -> s.find(ServerGroup.class, id, LockMode.PESSIMISTIC_WRITE)
                .invoke(g -> {
                    if (g == null) {
                        throw notFound(id.toString());
                    }
                })
                .call(g -> s.createNativeQuery("UPDATE server SET server_group_id = NULL WHERE server_group_id = :g")
                        .setParameter("g", id).executeUpdate())
                .flatMap(s::remove));
    }

    private Uni<ServerGroup> existing(UUID id) {
        return groups.findById(id).invoke(g -> {
            if (g == null) {
                throw notFound(id.toString());
            }
        });
    }

    static NotFound notFound(String id) {
        return new NotFound("Instance group " + id + " could not be found.");
    }

    private Uni<List<WithMembers>> withMembers(List<ServerGroup> list) {
        return members(list.stream().map(g -> g.id).toList()).map(m -> {
            List<WithMembers> out = new ArrayList<>();
            list.forEach(g -> out.add(new WithMembers(g, m.getOrDefault(g.id, List.of()))));
            return out;
        });
    }

    /** The servers of each group (deleted servers are not members any more). */
    private Uni<Map<UUID, List<UUID>>> members(Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT m.group_id, m.server_id FROM server_group_member m JOIN server v ON v.id = m.server_id "
                                + "WHERE m.group_id IN (:g) AND v.vm_state <> 'deleted' ORDER BY v.created_at, v.id", Object[].class)
                .setParameter("g", List.copyOf(groupIds)).getResultList()).map(rows -> {
                    Map<UUID, List<UUID>> out = new HashMap<>();
                    rows.forEach(r -> out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]));
                    return out;
                });
    }
}
