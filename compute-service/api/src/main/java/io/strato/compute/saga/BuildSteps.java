package io.strato.compute.saga;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.Networks;
import io.strato.compute.clients.RemoteFailure;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.hosts.Hosts;
import io.strato.compute.metadata.ConfigDrives;
import io.strato.compute.protocol.Commands;
import io.strato.compute.scheduler.NoValidHost;
import io.strato.compute.scheduler.RequestSpec;
import io.strato.compute.scheduler.Scheduler;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerRepository;
import io.strato.compute.servers.VmStates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The build steps the worker runs, each in one transaction with the server row locked:
 * {@code scheduling} (pick and claim a host) then {@code networking} (ports, then the spawn command).
 * The agent's answer to the spawn is handled by {@link CommandResultHandler}.
 */
@ApplicationScoped
public class BuildSteps {
    private static final String SCHEDULE_EVENT = "conductor_schedule_and_build_instances";
    private static final String SPAWN_EVENT = "compute__do_build_and_run_instance";

    private final Scheduler scheduler;
    private final Hosts hosts;
    private final PortPlanner ports;
    private final ServerRepository servers;
    private final AgentCommands commands;
    private final InstanceActions actions;
    private final BuildFailures failures;
    private final SagaConfig config;
    private final ConfigDrives configDrives;

    BuildSteps(Scheduler scheduler, Hosts hosts, PortPlanner ports, ServerRepository servers, AgentCommands commands,
               InstanceActions actions, BuildFailures failures, SagaConfig config, ConfigDrives configDrives) {
        this.scheduler = scheduler;
        this.hosts = hosts;
        this.ports = ports;
        this.servers = servers;
        this.commands = commands;
        this.actions = actions;
        this.failures = failures;
        this.config = config;
        this.configDrives = configDrives;
    }

    /** scheduling → networking: the scheduler claims a host (never one tried before), or the build fails. */
    public Uni<Void> schedule(Server s) {
        return requestSpec(s)
                .chain(scheduler::schedule)
                .chain(host -> hosts.zoneOf(host).chain(zone -> {
                    s.host = host;
                    s.availabilityZone = zone;
                    s.attempts++;
                    s.taskState = VmStates.NETWORKING;
                    s.retryAt = null;
                    s.updatedAt = InstanceActions.now();
                    return actions.completedOnLatest(s.id, SCHEDULE_EVENT, null, true, null);
                }))
                .onFailure(NoValidHost.class).recoverWithUni(e -> actions
                        .completedOnLatest(s.id, SCHEDULE_EVENT, null, false, e.getMessage())
                        .chain(() -> failures.fail(s, Faults.noValidHost(e.getMessage(), s.triedHosts.isEmpty() ? null
                                : "Hosts tried: " + String.join(", ", s.triedHosts)))));
    }

    /**
     * networking → spawning: makes sure every requested port exists and is bound to the host (reusing what an
     * earlier attempt or a crashed instance made), records them, and sends the spawn command in the same
     * transaction, with the config drive's files when the server gets one. A network-service that cannot be
     * reached is retried later; a refusal fails the build; a port it could not bind on the host (the host's
     * network agent is down) reschedules the build, as Nova's PortBindingFailed does.
     */
    public Uni<Void> network(Server s) {
        return ports.ensure(s)
                .chain(list -> servers.replacePorts(s.id, list.rows()).replaceWith(list))
                .chain(list -> list.bindingFailed().isEmpty() ? spawn(s, list)
                        : bindingFailed(s, list.bindingFailed().get(0)))
                .onFailure(RemoteFailure.class).recoverWithUni(e -> {
                    RemoteFailure f = (RemoteFailure) e;
                    if (f.isTransient()) {
                        return retryLater(s);
                    }
                    return failures.fail(s, Faults.networkFailed(s.id, f.getMessage()));
                });
    }

    private Uni<Void> spawn(Server s, PortPlanner.PortPlan list) {
        return spawn(s, list, VmStates.SPAWNING, SPAWN_EVENT);
    }

    /**
     * A rebuild's second half: the old guest is gone, so the same ports (ensured bound to the same host) get a
     * guest of the server's new image. A port that cannot be bound, or network-service refusing, fails it.
     */
    Uni<Void> respawn(Server s, String task, String event) {
        return ports.ensure(s)
                .chain(list -> servers.replacePorts(s.id, list.rows()).replaceWith(list))
                .chain(list -> {
                    if (!list.bindingFailed().isEmpty()) {
                        throw new IllegalStateException(Faults.portBindingFailed(list.bindingFailed().get(0)));
                    }
                    s.deadline = InstanceActions.now().plus(config.buildTimeout());
                    return spawn(s, list, task, event);
                });
    }

    private Uni<Void> spawn(Server s, PortPlanner.PortPlan list, String task, String event) {
        UUID commandId = UUID.randomUUID();
        Commands.Spawn spawn = new Commands.Spawn(commandId, s.id, s.projectId, s.userId, s.name, s.flavor,
                s.imageMeta, list.interfaces(), s.keyData, s.userData, Map.copyOf(s.metadata),
                configDrives.forSpawn(s, list.rows()));
        s.taskState = task;
        s.commandId = commandId;
        s.retryAt = null;
        s.updatedAt = InstanceActions.now();
        return commands.send(s.host, s.id, Commands.SPAWN, spawn)
                .chain(() -> actions.eventOnLatest(s.id, commandId, event, s.host));
    }

    /** The build on this host failed before the spawn: its event says why, and the server goes elsewhere. */
    private Uni<Void> bindingFailed(Server s, UUID portId) {
        String reason = Faults.portBindingFailed(portId);
        return actions.completedOnLatest(s.id, SPAWN_EVENT, s.host, false, reason)
                .chain(() -> failures.reschedule(s, reason));
    }

    Uni<Void> retryLater(Server s) {
        s.retryAt = Instant.now().plus(config.worker().retryDelay());
        return Uni.createFrom().voidItem();
    }

    private Uni<RequestSpec> requestSpec(Server s) {
        Map<String, String> imageProperties = s.imageMeta == null || s.imageMeta.properties() == null
                ? Map.of() : new LinkedHashMap<>(s.imageMeta.properties());
        Set<String> excluded = new HashSet<>(s.triedHosts);
        String az = s.requestedAz == null || s.requestedAz.isBlank() ? null : s.requestedAz;
        // 2.74's requested host: the AvailabilityZoneFilter's zone:host, with every other filter run too
        String zone = s.requestedHost == null ? az : (az == null ? "" : az) + ":" + s.requestedHost;
        if (s.serverGroupId == null) {
            return Uni.createFrom().item(new RequestSpec(s.id, s.projectId, s.flavor, imageProperties, zone, null, null,
                    null, excluded));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select policy, cast(rules ->> 'max_server_per_host' as integer) from server_group where id = :g",
                        Object[].class)
                .setParameter("g", s.serverGroupId).getResultList())
                .map(rows -> {
                    List<Object[]> r = rows;
                    String policy = r.isEmpty() ? null : (String) r.get(0)[0];
                    Integer max = r.isEmpty() || r.get(0)[1] == null ? null : ((Number) r.get(0)[1]).intValue();
                    return new RequestSpec(s.id, s.projectId, s.flavor, imageProperties, zone,
                            r.isEmpty() ? null : s.serverGroupId, policy, max, excluded);
                });
    }
}
