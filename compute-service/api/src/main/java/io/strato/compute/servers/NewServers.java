package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.hosts.Hosts;
import io.strato.compute.keypairs.KeypairService;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.compute.servergroups.ServerGroups;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * The storing half of a server create, in one transaction: the key pair's public key, the zone, the rows in
 * BUILD, the create actions and events, the quota claim (last, or first for a range of min_count to max_count,
 * to make as many as fit) and group memberships.
 */
@ApplicationScoped
class NewServers {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_CHARS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private final KeypairService keypairs;
    private final Hosts hosts;
    private final ComputeQuota quota;
    private final ServerTags tags;
    private final ServerGroups groups;
    private final InstanceActions actions;
    private final ServerEvents events;
    private final SagaConfig config;

    NewServers(KeypairService keypairs, Hosts hosts, ComputeQuota quota, ServerGroups groups, InstanceActions actions,
               ServerEvents events, SagaConfig config, ServerTags tags) {
        this.tags = tags;
        this.keypairs = keypairs;
        this.hosts = hosts;
        this.quota = quota;
        this.groups = groups;
        this.actions = actions;
        this.events = events;
        this.config = config;
    }

    /** Stores the servers of a checked create; must run in the caller's transaction. */
    Uni<ServerCreation.Created> store(Caller caller, String requestId, CreateRequest req, Commands.Flavor flavor,
                                      CreateValidation.Checked checked, String zone) {
        Uni<String> keyData = req.keyName() == null ? Uni.createFrom().nullItem()
                : keypairs.publicKey(caller.userId(), req.keyName())
                        .onItem().ifNull().failWith(() -> new InvalidInput("Invalid key_name provided."));
        Uni<Void> zoneExists = zone == null ? Uni.createFrom().voidItem() : hosts.zoneExists(zone).invoke(ok -> {
            if (!ok) {
                throw new InvalidInput("The requested availability zone is not available");
            }
        }).replaceWithVoid();
        Uni<String> requestedHost = req.requestedHost() == null && req.requestedNode() == null ? Uni.createFrom().nullItem()
                : hosts.requested(req.requestedHost(), req.requestedNode()).onItem().ifNull().failWith(() -> new InvalidInput(
                        "Compute host " + (req.requestedNode() != null ? req.requestedNode() : req.requestedHost())
                                + " could not be found."));
        // a create of an exact count (the usual one) claims last, once its rows are in, so that the creates of one
        // project wait on each other only for a count and a commit; one of a range (min_count < max_count) claims
        // first, under the lock, to learn how many it may make
        boolean range = req.minCount() < req.maxCount();
        String project = caller.projectId();
        return quota.limits(project).invoke(limits -> ComputeQuota.checkMetadataItems(limits, req.metadata().size()))
                .flatMap(limits -> keyData.chain(key -> requestedHost.chain(destination -> zoneExists
                        .chain(() -> range ? claim(project, req.minCount(), req.maxCount(), flavor)
                                : Uni.createFrom().item(req.maxCount()))
                        .chain(count -> insert(caller, req, flavor, checked, key, count, destination))))
                        .call(list -> tagged(req.tags(), list))
                        .call(list -> record(caller, requestId, list))
                        .call(list -> range ? Uni.createFrom().voidItem() : quota.recountServers(project, limits,
                                list.size(), list.size() * flavor.vcpus(), list.size() * flavor.memoryMb()))
                        // after the claim: a group's row lock is always taken after the project's quota lock
                        .call(list -> memberships(caller, req.groupId(), list)))
                .map(list -> new ServerCreation.Created(list.get(0),
                        req.adminPass() != null ? req.adminPass() : password(), list.size()));
    }

    /** Claims quota for as many servers as fit between min_count and max_count, as Nova does. */
    private Uni<Integer> claim(String projectId, int min, int max, Commands.Flavor f) {
        return quota.claimServers(projectId, max, max * f.vcpus(), max * f.memoryMb()).replaceWith(max)
                .onFailure(Forbidden.class).recoverWithUni(e -> max > min ? claim(projectId, min, max - 1, f)
                        : Uni.createFrom().failure(e));
    }

    private Uni<List<Server>> insert(Caller caller, CreateRequest req, Commands.Flavor flavor,
                                     CreateValidation.Checked checked, String keyData, int count, String requestedHost) {
        List<Server> made = new ArrayList<>();
        String reservation = "r-" + random(8).toLowerCase();
        var now = InstanceActions.now();
        for (int i = 0; i < count; i++) {
            Server s = new Server();
            s.id = UUID.randomUUID();
            s.projectId = caller.projectId();
            s.userId = caller.userId();
            s.name = count > 1 ? req.name() + "-" + (i + 1) : req.name();
            s.imageId = checked.image().id();
            s.imageMeta = checked.image().image();
            s.systemMetadata = SnapshotImages.systemMetadata(null, checked.image(), flavor, caller);
            s.flavorId = flavor.id();
            s.flavor = flavor;
            s.keyName = req.keyName();
            s.requestedHost = requestedHost;
            // Nova's hostname: the one a 2.90 create asked for, else the name made DNS-safe (kept across renames)
            s.hostname = req.hostname() != null ? req.hostname() : Server.hostname(s.name, s.id);
            s.keyData = keyData;
            s.userData = req.userData();
            s.metadata = new HashMap<>(req.metadata());
            s.description = req.description();
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

    /** The tags of a create (2.52) on every server made. */
    private Uni<Void> tagged(List<String> tags, List<Server> made) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Server s : made) {
            chain = chain.chain(() -> this.tags.insert(s.id, tags));
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
}
