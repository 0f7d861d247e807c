package io.strato.network.routers;

import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.network.api.ListRequest;
import io.strato.network.api.ListSql;
import io.strato.network.api.Neutron;
import io.strato.network.api.StandardAttributes;
import io.strato.network.policy.NetworkPolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Finds routers as a caller may see them (another project's router is a 404, never a 403), locks them
 * for changes, and renders them with their gateway addresses.
 */
@ApplicationScoped
public class RouterAccess {
    private final RouterRepository routers;
    private final Policy policy;

    public RouterAccess(RouterRepository routers, Policy policy) {
        this.routers = routers;
        this.policy = policy;
    }

    public boolean isAdmin(Caller caller) {
        return NetworkPolicies.isAdmin(policy, caller);
    }

    /** The router, or 404 RouterNotFound when it does not exist or the caller may not read it. */
    public Uni<Router> visible(Caller caller, UUID id) {
        return routers.findById(id).map(r -> readable(caller, id, r));
    }

    /**
     * The router locked FOR UPDATE (changes of one router are serialised, and a floating IP association
     * that holds it FOR SHARE waits), after checking {@code rule}: 404 when the caller cannot see it,
     * 403 when they see it but may not do this.
     */
    public Uni<Router> forChange(Caller caller, UUID id, String rule) {
        return routers.findById(id, LockModeType.PESSIMISTIC_WRITE).map(r -> {
            Router found = readable(caller, id, r);
            policy.enforce(rule, caller, NetworkPolicies.target(found.projectId));
            return found;
        });
    }

    /** Bumps the revision and the update time, as every Neutron write does. */
    public static void touch(Router r) {
        r.revisionNumber++;
        r.updatedAt = StandardAttributes.now();
    }

    public Uni<RouterView> view(Router r) {
        return views(List.of(r)).map(l -> l.get(0));
    }

    /** The routers in Neutron's shape, their gateway addresses read in one query. */
    public Uni<List<RouterView>> views(List<Router> list) {
        List<UUID> gwPorts = list.stream().map(r -> r.gwPortId).filter(Objects::nonNull).toList();
        return Topology.addresses(gwPorts).map(ips -> {
            List<RouterView> out = new ArrayList<>(list.size());
            for (Router r : list) {
                out.add(RouterView.of(r, r.gwPortId == null ? List.of() : ips.getOrDefault(r.gwPortId, List.of())));
            }
            return out;
        });
    }

    /**
     * Whether the caller may see an L3 resource of {@code projectId}: an admin any, others their own
     * project's, and only when {@code readRule} allows it (else the resource is a 404 to them).
     */
    public static boolean canSee(Policy policy, Caller caller, String projectId, String readRule) {
        return (NetworkPolicies.isAdmin(policy, caller) || Objects.equals(projectId, caller.projectId()))
                && policy.allowed(readRule, caller, NetworkPolicies.target(projectId));
    }

    /** The list query of an L3 collection as the caller may see it: all for an admin, else their project's. */
    public static ListSql.Query ownedBy(ListSql sql, ListRequest request, Caller caller, boolean admin) {
        return admin ? sql.select(request, null, Map.of())
                : sql.select(request, "project_id = :scope_project", Map.of("scope_project", String.valueOf(caller.projectId())));
    }

    private Router readable(Caller caller, UUID id, Router r) {
        if (r == null || !canSee(policy, caller, r.projectId, RouterPolicies.GET)) {
            throw Neutron.notFound("Router", id);
        }
        return r;
    }
}
