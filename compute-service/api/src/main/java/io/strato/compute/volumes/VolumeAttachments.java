package io.strato.compute.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.NotFound;
import java.util.Map;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.Volumes;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.protocol.Commands;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerActions;
import io.strato.compute.servers.ServerPolicies;
import io.strato.compute.servers.ServerQueries;
import io.strato.compute.servers.VmStates;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * os-volume_attachments. An attach reserves the volume at volume-service and gives it the host's connector
 * (in the API call, with the server's row locked, so two attaches to one server never pick one device), then
 * in one transaction inserts the row ({@code attaching}), records the instance action and sends the agent its
 * command; a transaction that fails gives the attachment back. A detach marks the row {@code detaching} and
 * sends the agent its command. The agent's results finish both ({@link VolumeResults}).
 */
@ApplicationScoped
public class VolumeAttachments {
    private static final Logger LOG = Logger.getLogger(VolumeAttachments.class);
    /** Where a server takes attaches and detaches (Nova allows more states; these are the ones Strato has). */
    private static final List<String> SETTLED = List.of(VmStates.ACTIVE, VmStates.STOPPED);

    private final ServerQueries servers;
    private final VolumeAttachmentRepository rows;
    private final Volumes volumes;
    private final InstanceActions actions;
    private final AgentCommands commands;
    private final SagaConfig config;
    private final Policy policy;

    VolumeAttachments(ServerQueries servers, VolumeAttachmentRepository rows, Volumes volumes, InstanceActions actions,
                      AgentCommands commands, SagaConfig config, Policy policy) {
        this.servers = servers;
        this.rows = rows;
        this.volumes = volumes;
        this.actions = actions;
        this.commands = commands;
        this.config = config;
        this.policy = policy;
    }

    public Uni<List<VolumeAttachment>> list(Caller caller, UUID serverId) {
        return Panache.withSession(() -> servers.visible(caller, serverId, false).chain(s -> {
            policy.enforce(VolumePolicies.INDEX, caller, ServerPolicies.target(s));
            return rows.ofServer(s.id);
        }));
    }

    public Uni<VolumeAttachment> show(Caller caller, UUID serverId, String volumeId) {
        return Panache.withSession(() -> servers.visible(caller, serverId, false).chain(s -> {
            policy.enforce(VolumePolicies.SHOW, caller, ServerPolicies.target(s));
            return rows.ofServer(s.id).map(list -> list.stream().filter(a -> a.volumeId.toString().equals(volumeId))
                    .findFirst().orElseThrow(() -> notAttached(s.id, volumeId)));
        }));
    }

    /** Attaches the volume; the answer is the row as it is now ({@code attaching}, with its device). */
    public Uni<VolumeAttachment> attach(Caller caller, UUID serverId, UUID volumeId, String requestId) {
        return attach(caller, serverId, volumeId, requestId, false);
    }

    /** @param deleteOnTermination 2.79: the volume is deleted when the server is */
    public Uni<VolumeAttachment> attach(Caller caller, UUID serverId, UUID volumeId, String requestId,
                                        boolean deleteOnTermination) {
        AtomicReference<Reserved> reserved = new AtomicReference<>();
        return Panache.withTransaction(() -> servers.visible(caller, serverId, true).chain(s -> {
            policy.enforce(VolumePolicies.CREATE, caller, ServerPolicies.target(s));
            settled(s, "attach_volume");
            return rows.findById(volumeId).chain(existing -> {
                if (existing != null) {
                    throw new InvalidInput("Invalid volume: volume " + volumeId + " is already attached"
                            + (existing.serverId.equals(s.id) ? "" : " to another instance") + ".");
                }
                return rows.ofServer(s.id);
            }).chain(attached -> {
                String device = DeviceNames.next(s.flavor, attached.stream().map(a -> a.device).toList());
                return volumes.reserve(s.projectId, volumeId, s.id)
                        .invoke(id -> reserved.set(new Reserved(s.projectId, id)))
                        .chain(id -> volumes.connect(s.projectId, volumeId, id, s.host, "/dev/" + device)
                                .chain(c -> begin(s, caller, requestId, volumeId, id, device, c, deleteOnTermination)));
            });
        })).onFailure().call(e -> giveBack(reserved.get(), e));
    }

    /**
     * 2.85's update of an attachment: only {@code delete_on_termination} changes; {@code id}, {@code serverId},
     * {@code device}, {@code tag} given must be what they are (400 "The <k> property is not mutable"). A swap
     * (another volume, or any PUT before 2.85) is checked against Nova's swap rule (admins) and refused.
     */
    public Uni<Void> update(Caller caller, UUID serverId, String volumeId, JsonNode att, boolean swap) {
        return Panache.withTransaction(() -> servers.visible(caller, serverId, true).chain(s -> {
            if (swap) {
                policy.enforce(VolumePolicies.SWAP, caller, Map.of());
            } else {
                policy.enforce(VolumePolicies.UPDATE, caller, ServerPolicies.target(s));
            }
            return rows.ofServer(s.id).map(list -> {
                VolumeAttachment a = list.stream().filter(x -> x.volumeId.toString().equals(volumeId)).findFirst()
                        .orElseThrow(() -> new NotFound("No volume Block Device Mapping with id " + volumeId + "."));
                if (!swap) {
                    immutable(att, "id", a.volumeId.toString());
                    immutable(att, "serverId", s.id.toString());
                    immutable(att, "device", a.mountpoint());
                    if (att.has("tag") && !att.get("tag").isNull()) {
                        throw new InvalidInput("The tag property is not mutable");
                    }
                    if (att.has("delete_on_termination")) {
                        a.deleteOnTermination = VolumeAttachmentResource.strictBoolean(att.get("delete_on_termination"));
                        a.updatedAt = InstanceActions.now();
                    }
                    return null;
                }
                throw new InvalidInput("Swapping the volume of an attachment is not supported: this cloud's hosts"
                        + " cannot replace a guest's disk.");
            });
        })).replaceWithVoid();
    }

    private static void immutable(JsonNode att, String key, String current) {
        JsonNode v = att.get(key);
        if (v != null && !(v.isTextual() && v.asText().equals(current))) {
            throw new InvalidInput("The " + key + " property is not mutable");
        }
    }

    /** Detaches the volume: 404 when it is not attached to the server, 409 while it is attaching or detaching. */
    public Uni<Void> detach(Caller caller, UUID serverId, String volumeId, String requestId) {
        return Panache.withTransaction(() -> servers.visible(caller, serverId, true).chain(s -> {
            policy.enforce(VolumePolicies.DELETE, caller, ServerPolicies.target(s));
            return rows.ofServer(s.id).chain(list -> {
                VolumeAttachment a = list.stream().filter(x -> x.volumeId.toString().equals(volumeId)).findFirst()
                        .orElseThrow(() -> notAttached(s.id, volumeId));
                settled(s, "detach_volume");
                if (!VolumeAttachment.ATTACHED.equals(a.status)) {
                    throw new Conflict("Invalid volume: volume " + volumeId + " is " + a.status
                            + "; it can be detached once that has finished.");
                }
                UUID c = UUID.randomUUID();
                a.status = VolumeAttachment.DETACHING;
                a.commandId = c;
                a.deadline = InstanceActions.now().plus(config.actionTimeout());
                a.updatedAt = InstanceActions.now();
                return actions.start(s, "detach_volume", requestId, caller.userId())
                        .chain(act -> actions.event(act.id, c, "compute_detach_volume", s.host))
                        .chain(() -> commands.send(s.host, s.id, Commands.DETACH_VOLUME,
                                new Commands.DetachVolume(c, s.id, a.volumeId, a.device)));
            });
        }));
    }

    private Uni<VolumeAttachment> begin(Server s, Caller caller, String requestId, UUID volumeId, UUID attachmentId,
                                        String device, Volumes.Connection connection, boolean deleteOnTermination) {
        UUID c = UUID.randomUUID();
        VolumeAttachment a = new VolumeAttachment();
        a.volumeId = volumeId;
        a.serverId = s.id;
        a.projectId = s.projectId;
        a.attachmentId = attachmentId;
        a.device = device;
        a.deleteOnTermination = deleteOnTermination;
        a.status = VolumeAttachment.ATTACHING;
        a.commandId = c;
        a.createdAt = InstanceActions.now();
        a.updatedAt = a.createdAt;
        a.deadline = a.createdAt.plus(config.actionTimeout());
        return Panache.getSession().chain(session -> session.persist(a))
                .chain(() -> actions.start(s, "attach_volume", requestId, caller.userId()))
                .chain(act -> actions.event(act.id, c, "compute_attach_volume", s.host))
                .chain(() -> commands.send(s.host, s.id, Commands.ATTACH_VOLUME, new Commands.AttachVolume(c, s.id,
                        volumeId, device, connection.devicePath(), connection.format(), connection.iotune())))
                .replaceWith(a);
    }

    private record Reserved(String projectId, UUID attachmentId) {
    }

    /** The attach did not commit: the reservation at volume-service goes back (its sweep is the backstop). */
    private Uni<Void> giveBack(Reserved r, Throwable cause) {
        if (r == null) {
            return Uni.createFrom().voidItem();
        }
        LOG.infof("attach failed (%s); deleting attachment %s at volume-service", cause.getMessage(), r.attachmentId());
        return volumes.delete(r.projectId(), r.attachmentId()).onFailure().recoverWithItem(e -> {
            LOG.warnf("could not delete attachment %s (volume-service's sweep will): %s", r.attachmentId(), e.getMessage());
            return null;
        });
    }

    /** Nova's check_instance_state for attach_volume / detach_volume: a launched server at rest on a host. */
    private static void settled(Server s, String action) {
        if (!SETTLED.contains(s.vmState)) {
            throw ServerActions.invalidState(action, s, "vm_state", s.vmState);
        }
        if (s.taskState != null) {
            throw ServerActions.invalidState(action, s, "task_state", s.taskState);
        }
        if (s.host == null || s.launchedAt == null) {
            throw new Conflict("Instance " + s.id + " is not ready");
        }
    }

    static NotFound notAttached(UUID serverId, String volumeId) {
        return new NotFound("Instance " + serverId + " is not attached to volume " + volumeId);
    }
}
