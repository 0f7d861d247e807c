package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.flavors.Flavors;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.hosts.Hosts;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.compute.servergroups.ServerGroups;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Server create, read, update and delete. A create checks everything it can before answering (flavor,
 * image, networks, security groups, key pair, zone, quota, server group), stores the servers in BUILD
 * and leaves the rest to the saga worker; a delete marks the server and tells its host, and the worker
 * gives back ports, claim and row.
 */
@ApplicationScoped
public class ServerService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_CHARS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private final AttachedVolumes attachments;
    private final ServerRepository servers;
    private final Flavors flavors;
    private final ComputeQuota quota;
    private final ServerGroups groups;
    private final CreateValidation validation;
    private final InstanceActions actions;
    private final ServerEvents events;
    private final AgentCommands commands;
    private final Hosts hosts;
    private final PendingWork worker;
    private final SagaConfig config;
    private final Policy policy;

    ServerService(ServerRepository servers, Flavors flavors, ComputeQuota quota, ServerGroups groups,
                  CreateValidation validation, InstanceActions actions, ServerEvents events, AgentCommands commands,
                  Hosts hosts, PendingWork worker, SagaConfig config, Policy policy,
                  AttachedVolumes attachments) {
        this.attachments = attachments;
        this.servers = servers;
        this.flavors = flavors;
        this.quota = quota;
        this.groups = groups;
        this.validation = validation;
        this.actions = actions;
        this.events = events;
        this.commands = commands;
        this.hosts = hosts;
        this.worker = worker;
        this.config = config;
        this.policy = policy;
    }

    /** The first server made, its admin password, and how many were made. */
    public record Created(Server first, String adminPass, int count) {
    }

    public Uni<Created> create(Caller caller, String token, String requestId, CreateRequest req, int minor) {
        if (caller.projectId() == null) {
            throw new Forbidden("Creating a server needs a project-scoped token.");
        }
        String zone = zone(caller, req.availabilityZone());
        return Panache.withSession(() -> flavors.resolve(req.flavorRef(), caller))
                .chain(flavor -> validation.check(caller, token, req, flavor, minor)
                        .chain(checked -> Panache.withTransaction(() -> store(caller, requestId, req, flavor, checked, zone))))
                .invoke(worker::wake);
    }

    private Uni<Created> store(Caller caller, String requestId, CreateRequest req, Commands.Flavor flavor,
                               CreateValidation.Checked checked, String zone) {
        Uni<String> keyData = req.keyName() == null ? Uni.createFrom().nullItem() : keyData(caller.userId(), req.keyName());
        Uni<Void> zoneExists = zone == null ? Uni.createFrom().voidItem() : hosts.zoneExists(zone).invoke(ok -> {
            if (!ok) {
                throw new InvalidInput("The requested availability zone is not available");
            }
        }).replaceWithVoid();
        return keyData.chain(key -> zoneExists
                .chain(() -> claim(caller.projectId(), req.minCount(), req.maxCount(), flavor))
                .chain(count -> insert(caller, req, flavor, checked, key, count)))
                .call(list -> memberships(caller, req.groupId(), list))
                .call(list -> record(caller, requestId, list))
                .map(list -> new Created(list.get(0), req.adminPass() != null ? req.adminPass() : password(), list.size()));
    }

    /** The public key of the caller's key pair (keypairs are per user, as Nova's). */
    private Uni<String> keyData(String userId, String name) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select public_key from keypair where user_id = :u and name = :n", String.class)
                .setParameter("u", userId).setParameter("n", name).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> new InvalidInput("Invalid key_name provided."));
    }

    /** Claims quota for as many servers as fit between min_count and max_count, as Nova does. */
    private Uni<Integer> claim(String projectId, int min, int max, Commands.Flavor f) {
        return quota.claimServers(projectId, max, max * f.vcpus(), max * f.memoryMb()).replaceWith(max)
                .onFailure(Forbidden.class).recoverWithUni(e -> max > min ? claim(projectId, min, max - 1, f)
                        : Uni.createFrom().failure(e));
    }

    private Uni<List<Server>> insert(Caller caller, CreateRequest req, Commands.Flavor flavor,
                                     CreateValidation.Checked checked, String keyData, int count) {
        List<Server> made = new ArrayList<>();
        String reservation = "r-" + random(8).toLowerCase();
        var now = InstanceActions.now();
        for (int i = 0; i < count; i++) {
            Server s = new Server();
            s.id = UUID.randomUUID();
            s.projectId = caller.projectId();
            s.userId = caller.userId();
            s.name = count > 1 ? req.name() + "-" + (i + 1) : req.name();
            s.description = req.description();
            s.imageId = checked.image().id();
            s.imageMeta = checked.image().image();
            s.flavorId = flavor.id();
            s.flavor = flavor;
            s.keyName = req.keyName();
            s.keyData = keyData;
            s.userData = req.userData();
            s.metadata = new HashMap<>(req.metadata());
            s.requestedAz = req.availabilityZone();
            s.requestedNetworks = new ArrayList<>(checked.networks());
            s.securityGroups = new ArrayList<>(checked.securityGroups());
            s.serverGroupId = req.groupId();
            s.vmState = VmStates.BUILDING;
            s.taskState = VmStates.SCHEDULING;
            s.powerState = Reports.NOSTATE;
            s.deadline = now.plus(config.buildTimeout());
            s.createdAt = now;
            s.updatedAt = now;
            s.diskConfig = req.diskConfig();
            s.configDrive = req.configDrive();
            s.accessIpv4 = req.accessIpv4();
            s.accessIpv6 = req.accessIpv6();
            s.reservationId = reservation;
            s.launchIndex = i;
            made.add(s);
        }
        return Panache.getSession().chain(session -> session.persistAll(made.toArray()).chain(session::flush))
                .replaceWith(made);
    }

    private Uni<Void> memberships(Caller caller, UUID groupId, List<Server> made) {
        if (groupId == null) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Server s : made) {
            chain = chain.chain(() -> groups.addMember(groupId, s.id, caller).replaceWithVoid());
        }
        return chain;
    }

    private Uni<Void> record(Caller caller, String requestId, List<Server> made) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Server s : made) {
            chain = chain.chain(() -> actions.start(s, "create", requestId, caller.userId()))
                    .chain(() -> events.publish(s, ServerEvents.CREATED));
        }
        return chain;
    }

    /**
     * The zone of Nova's {@code zone[:host[:node]]}, to check it exists; naming a host (forced placement,
     * passed on to the scheduler) is for admins only.
     */
    private String zone(Caller caller, String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        int colon = requested.indexOf(':');
        if (colon < 0) {
            return requested;
        }
        policy.enforce(ServerPolicies.CREATE_FORCED_HOST, caller, Map.of());
        String zone = requested.substring(0, colon);
        return zone.isBlank() ? null : zone;
    }

    // ---- read ------------------------------------------------------------------------------------

    /** The server if the caller's project owns it (admins see all); Nova's 404 otherwise. */
    public Uni<Server> visible(Caller caller, UUID id, boolean lock) {
        Uni<Server> found = lock ? servers.lock(id) : servers.findById(id);
        return found.map(s -> {
            if (s == null || !(NovaBaseRules.isAdmin(policy, caller) || s.projectId.equals(caller.projectId()))) {
                throw notFound(id.toString());
            }
            return s;
        });
    }

    public static NotFound notFound(String id) {
        return new NotFound("Instance " + id + " could not be found.");
    }

    /** A page of servers, with their ports and (for admins) hypervisor host names. */
    public record Page(List<Server> servers, Map<UUID, List<ServerPort>> ports, Map<String, String> nodes,
                       Map<UUID, List<UUID>> volumes) {
    }

    /** The page of these servers with their ports, (for admins) host names and attached volumes. */
    private Uni<Page> page(boolean admin, List<Server> list, Map<UUID, List<ServerPort>> ports) {
        return nodes(admin, list).chain(nodes -> attachments.volumeIds(list.stream().map(x -> x.id).toList())
                .map(volumes -> new Page(list, ports, nodes, volumes)));
    }

    public Uni<Page> list(Caller caller, Map<String, List<String>> query, int limit, String marker, boolean allTenants,
                          boolean admin, boolean detail) {
        ServerQuery q = ServerQuery.of(query, caller, allTenants, admin);
        if (q.isEmpty() || limit == 0) {
            return Uni.createFrom().item(new Page(List.of(), Map.of(), Map.of(), Map.of()));
        }
        UUID markerId = marker == null ? null : markerId(marker);
        return Panache.withSession(() -> checkMarker(q, markerId).chain(() -> Panache.getSession().chain(s -> {
            var nq = s.createNativeQuery(q.sql(markerId != null), Server.class);
            q.params().forEach(nq::setParameter);
            if (markerId != null) {
                nq.setParameter("marker", markerId);
            }
            return nq.setParameter("limit", limit).getResultList();
        })).chain(list -> !detail ? Uni.createFrom().item(new Page(list, Map.of(), Map.of(), Map.of()))
                : servers.ports(list.stream().map(x -> x.id).toList()).chain(ports -> page(admin, list, ports)))
                .onFailure(e -> "2201B".equals(sqlState(e)))
                .transform(e -> new InvalidInput("Invalid filter: not a valid regular expression.")));
    }

    private Uni<Void> checkMarker(ServerQuery q, UUID markerId) {
        if (markerId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> {
            var nq = s.createNativeQuery(q.markerCheck(), Long.class).setParameter("marker", markerId);
            q.markerCheckParams().forEach(nq::setParameter);
            return nq.getSingleResult();
        }).invoke(n -> {
            if (n == 0) {
                throw new InvalidInput("marker [" + markerId + "] not found");
            }
        }).replaceWithVoid();
    }

    private static UUID markerId(String marker) {
        try {
            return UUID.fromString(marker);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("marker [" + marker + "] not found");
        }
    }

    /** The hypervisor host names of the servers' hosts (admins see them). */
    public Uni<Map<String, String>> nodes(boolean admin, List<Server> list) {
        List<String> hostNames = list.stream().map(s -> s.host).filter(h -> h != null).distinct().toList();
        if (!admin || hostNames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select host, hypervisor_hostname from compute_host where host in (:hosts)", Object[].class)
                .setParameter("hosts", hostNames).getResultList())
                .map(rows -> {
                    Map<String, String> m = new HashMap<>();
                    rows.forEach(r -> m.put((String) r[0], (String) r[1]));
                    return m;
                });
    }

    public Uni<Page> show(Caller caller, UUID id, boolean admin) {
        return Panache.withSession(() -> visible(caller, id, false).chain(s -> {
            policy.enforce(ServerPolicies.SHOW, caller, ServerPolicies.target(s));
            return servers.ports(s.id).chain(ports -> page(admin, List.of(s), Map.of(s.id, ports)));
        }));
    }

    // ---- update and delete ----------------------------------------------------------------------

    public Uni<Page> update(Caller caller, UUID id, UpdateRequest req, boolean admin) {
        return Panache.withTransaction(() -> visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.UPDATE, caller, ServerPolicies.target(s));
            req.applyTo(s);
            s.updatedAt = InstanceActions.now();
            return events.publish(s, ServerEvents.UPDATED).chain(() -> servers.ports(s.id))
                    .chain(ports -> page(admin, List.of(s), Map.of(s.id, ports)));
        }));
    }

    /**
     * Marks the server deleting and, when a domain may exist, sends its host a Delete. The worker finishes
     * (ports, claim, row) when the agent answers, at once when no agent has to or the host is down.
     */
    public Uni<Void> delete(Caller caller, UUID id, String requestId) {
        return Panache.withTransaction(() -> visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.DELETE, caller, ServerPolicies.target(s));
            if (VmStates.DELETING.equals(s.taskState)) {
                return Uni.createFrom().voidItem();
            }
            boolean mayHaveDomain = s.host != null && !(s.isBuilding() && !VmStates.SPAWNING.equals(s.taskState));
            s.taskState = VmStates.DELETING;
            s.commandId = null;
            s.retryAt = null;
            s.deadline = InstanceActions.now().plus(config.actionTimeout());
            s.updatedAt = InstanceActions.now();
            Uni<InstanceAction> action = actions.start(s, "delete", requestId, caller.userId());
            if (!mayHaveDomain) {
                return action.replaceWithVoid();
            }
            UUID commandId = UUID.randomUUID();
            // the Delete is sent even to a host that is down: its agent reads it when it comes back
            return action.chain(a -> hosts.isUp(s.host).chain(up -> {
                if (!up) {
                    return Uni.createFrom().voidItem(); // nobody will answer: the worker deletes at once
                }
                s.commandId = commandId;
                return actions.event(a.id, commandId, "compute_terminate_instance", s.host);
            })).chain(() -> commands.send(s.host, s.id, Commands.DELETE, new Commands.Delete(commandId, s.id)));
        })).invoke(worker::wake);
    }

    static String password() {
        return random(12);
    }

    private static String random(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return b.toString();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg) {
                return pg.getSqlState();
            }
        }
        return null;
    }
}
