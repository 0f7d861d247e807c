package io.strato.network.routers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.network.api.ListRequest;
import io.strato.network.api.ListSql;
import io.strato.network.api.Lists;
import io.strato.network.api.Neutron;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import io.strato.network.policy.NetworkPolicies;
import io.strato.network.quotas.NetworkQuotas;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Routers: create, read, update (gateway, static routes), delete. Interfaces are {@link RouterInterfaces}'. */
@ApplicationScoped
public class RouterService {
    private static final ListSql LIST = new ListSql("router", Map.ofEntries(
            Map.entry("id", "id"), Map.entry("name", "name"), Map.entry("description", "description"),
            Map.entry("status", "status"), Map.entry("admin_state_up", "admin_state_up"),
            Map.entry("project_id", "project_id"), Map.entry("tags", "tags"),
            Map.entry("created_at", "created_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("revision_number", "revision_number")));

    private final RouterRepository routers;
    private final RouterAccess access;
    private final RouterGateways gateways;
    private final NetworkQuotas quotas;
    private final NetworkEvents events;
    private final Lists lists;
    private final Policy policy;

    public RouterService(RouterRepository routers, RouterAccess access, RouterGateways gateways, NetworkQuotas quotas,
                         NetworkEvents events, Lists lists, Policy policy) {
        this.routers = routers;
        this.access = access;
        this.gateways = gateways;
        this.quotas = quotas;
        this.events = events;
        this.lists = lists;
        this.policy = policy;
    }

    @WithSession
    public Uni<RouterView> show(Caller caller, UUID id) {
        return access.visible(caller, id).flatMap(access::view);
    }

    /** The routers the caller may see (all for an admin, else their project's), filtered, sorted and paged. */
    @WithSession
    public Uni<List<RouterView>> list(Caller caller, ListRequest request) {
        return lists.fetch(Router.class, RouterAccess.ownedBy(LIST, request, caller, access.isAdmin(caller))).flatMap(access::views);
    }

    @WithTransaction
    public Uni<RouterView> create(Caller caller, RouterRequest.Create request) {
        String project = request.projectId().orElse(caller.projectId());
        policy.enforce(RouterPolicies.CREATE, caller, NetworkPolicies.target(project));
        boolean admin = access.isAdmin(caller);
        Router r = new Router();
        r.id = UUID.randomUUID();
        r.projectId = project;
        r.name = request.name();
        r.description = request.description();
        r.adminStateUp = request.adminStateUp();
        r.tags = new ArrayList<>(request.tags());
        Instant now = StandardAttributes.now();
        r.createdAt = now;
        r.updatedAt = now;
        return quotas.claim(project, "router", 1)
                .chain(() -> routers.persistAndFlush(r))
                .chain(() -> request.gateway().map(g -> gateways.apply(caller, admin, RouterPolicies.CREATE, r, g))
                        .orElse(Uni.createFrom().voidItem()))
                .chain(() -> publish(r, "created"));
    }

    /** name, description, admin_state_up, external_gateway_info (set, move, clear) and routes. */
    @WithTransaction
    public Uni<RouterView> update(Caller caller, UUID id, RouterRequest.Update request) {
        boolean admin = access.isAdmin(caller);
        return access.forChange(caller, id, RouterPolicies.UPDATE).flatMap(r -> {
            request.name().ifPresent(n -> r.name = n);
            request.description().ifPresent(d -> r.description = d);
            request.adminStateUp().ifPresent(a -> r.adminStateUp = a);
            Uni<Void> gateway = request.gateway().map(g -> gateways.apply(caller, admin, RouterPolicies.UPDATE, r, g))
                    .orElse(Uni.createFrom().voidItem());
            return gateway
                    .chain(() -> request.routes().map(routes -> setRoutes(r, routes)).orElse(Uni.createFrom().voidItem()))
                    .chain(() -> {
                        RouterAccess.touch(r);
                        return publish(r, "updated");
                    });
        });
    }

    /** {@code add_extraroutes}: the routes are added to the router's (those already there stay once). */
    @WithTransaction
    public Uni<RouterView> addRoutes(Caller caller, UUID id, List<Map<String, String>> routes) {
        return changeRoutes(caller, id, RouterPolicies.ADD_ROUTES, existing -> ExtraRoutes.union(existing, routes));
    }

    /** {@code remove_extraroutes}: the routes are taken off the router's. */
    @WithTransaction
    public Uni<RouterView> removeRoutes(Caller caller, UUID id, List<Map<String, String>> routes) {
        return changeRoutes(caller, id, RouterPolicies.REMOVE_ROUTES, existing -> ExtraRoutes.minus(existing, routes));
    }

    /** 409 RouterInUse while the router has interfaces; its gateway port goes with it. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return access.forChange(caller, id, RouterPolicies.DELETE).flatMap(r -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT (SELECT count(*) FROM router_interface WHERE router_id = :r) "
                        + "+ (SELECT count(*) FROM floating_ip WHERE router_id = :r)", Long.class)
                        .setParameter("r", r.id).getSingleResult())
                .flatMap(inUse -> {
                    if (inUse > 0) {
                        throw Neutron.conflict("RouterInUse", "Router " + r.id + " still has ports");
                    }
                    return access.view(r);
                })
                .call(view -> gateways.removePort(r).chain(() -> routers.delete("id", r.id)))
                .call(view -> events.publish("router", "deleted", r.id, view))
                .replaceWithVoid());
    }

    private Uni<RouterView> changeRoutes(Caller caller, UUID id, String rule,
                                                  UnaryOperator<List<Map<String, String>>> change) {
        return access.forChange(caller, id, rule).flatMap(r -> setRoutes(r, change.apply(r.routes)).chain(() -> {
            RouterAccess.touch(r);
            return publish(r, "updated");
        }));
    }

    /** Checks the next hops against the router's connected subnets and its own addresses, then stores the routes. */
    private Uni<Void> setRoutes(Router r, List<Map<String, String>> routes) {
        return Topology.rows("SELECT s.cidr, a.ip_address FROM ip_allocation a JOIN subnet s ON s.id = a.subnet_id "
                        + "WHERE a.port_id IN (SELECT port_id FROM router_interface WHERE router_id = :r) "
                        + "OR a.port_id = CAST(:gw AS uuid)",
                        Map.of("r", r.id, "gw", r.gwPortId == null ? "00000000-0000-0000-0000-000000000000" : r.gwPortId.toString()))
                .invoke(rows -> {
                    Set<String> cidrs = new HashSet<>();
                    Set<String> own = new HashSet<>();
                    for (Object[] row : rows) {
                        cidrs.add((String) row[0]);
                        own.add((String) row[1]);
                    }
                    ExtraRoutes.validate(r.id, routes, cidrs, own);
                    r.routes = new ArrayList<>(routes);
                })
                .replaceWithVoid();
    }

    private Uni<RouterView> publish(Router r, String action) {
        return Panache.getSession().flatMap(s -> s.flush())
                .chain(() -> access.view(r))
                .call(view -> events.publish("router", action, r.id, view));
    }
}
