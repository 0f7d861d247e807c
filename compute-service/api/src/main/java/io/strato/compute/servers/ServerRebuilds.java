package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.Images;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.hosts.AgentCommands;
import io.strato.compute.protocol.Commands;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.kit.auth.Caller;
import io.strato.compute.keypairs.KeypairService;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Nova's rebuild, done with the agent commands there are: the server takes the new image (and name, metadata,
 * access addresses), its host deletes the old guest, then spawns the new image on the same host with the same
 * ports (saga/RebuildSteps); a server that was stopped is stopped again. Status REBUILD until then. A server
 * with volumes attached is refused (409) until rebuild re-attaches them.
 */
@ApplicationScoped
public class ServerRebuilds {
    private static final List<String> REBUILDABLE = List.of(VmStates.ACTIVE, VmStates.STOPPED, VmStates.ERROR);

    private final ServerQueries queries;
    private final Policy policy;
    private final ServerLocks locks;
    private final Images images;
    private final InstanceActions actions;
    private final AgentCommands commands;
    private final ServerEvents events;
    private final SagaConfig config;
    private final AttachedVolumes volumes;
    private final ComputeQuota quota;
    private final KeypairService keypairs;

    ServerRebuilds(ServerQueries queries, Policy policy, ServerLocks locks, Images images, InstanceActions actions,
                   AgentCommands commands, ServerEvents events, SagaConfig config, AttachedVolumes volumes,
                   ComputeQuota quota, KeypairService keypairs) {
        this.keypairs = keypairs;
        this.queries = queries;
        this.policy = policy;
        this.locks = locks;
        this.images = images;
        this.actions = actions;
        this.commands = commands;
        this.events = events;
        this.config = config;
        this.volumes = volumes;
        this.quota = quota;
    }

    /** The server as the 202 shows it, and the admin password. */
    public record Rebuilt(ServerQueries.Page page, String adminPass) {
    }

    public Uni<Rebuilt> rebuild(Caller caller, String token, UUID id, String requestId, RebuildRequest req, boolean admin) {
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.REBUILD, caller, ServerPolicies.target(s));
            locks.check(s, caller);
            ServerActions.expect(s, "rebuild", REBUILDABLE);
            int items = req.metadata() == null ? 0 : req.metadata().size();
            return quota.checkMetadataItems(s.projectId, items).chain(() -> volumes.volumeIds(List.of(s.id))).chain(attached -> {
                // the new guest would come up without them while the attachments still say attached: refused
                // until rebuild re-attaches volumes as Nova does
                if (attached.containsKey(s.id)) {
                    throw new Conflict("Rebuilding instance " + s.id + " with attached volumes is not supported yet;"
                            + " detach them first.");
                }
                return keyData(caller, req);
            }).chain(key -> images.get(req.imageId(), token).map(image -> {
                CreateValidation.fits(image, s.flavor);
                if (req.keyName() != null) { // 2.54: the caller's key pair replaces the server's (null: none)
                    s.keyName = req.keyName().orElse(null);
                    s.keyData = key;
                }
                return image;
            })).chain(image -> {
                req.applyTo(s);
                s.imageMeta = image.image();
                s.systemMetadata = SnapshotImages.systemMetadata(s.systemMetadata, image, s.flavor, null);
                String pass = req.adminPass() != null ? req.adminPass() : NewServers.password();
                UUID c = UUID.randomUUID();
                s.taskState = VmStates.REBUILDING;
                s.commandId = c;
                s.deadline = InstanceActions.now().plus(config.actionTimeout());
                s.updatedAt = InstanceActions.now();
                return actions.start(s, "rebuild", requestId, caller.userId())
                        .chain(a -> actions.event(a.id, c, "compute_rebuild_instance", s.host))
                        .chain(() -> commands.send(s.host, s.id, Commands.DELETE, new Commands.Delete(c, s.id)))
                        .chain(() -> events.publish(s, ServerEvents.UPDATED))
                        .chain(() -> queries.page(admin, s))
                        .map(p -> new Rebuilt(p, pass));
            });
        }));
    }

    /** The public key of the key pair a 2.54 rebuild names, the caller's own as in Nova (unknown: 400). */
    private Uni<String> keyData(Caller caller, RebuildRequest req) {
        if (req.keyName() == null || req.keyName().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return keypairs.publicKey(caller.userId(), req.keyName().get())
                .onItem().ifNull().failWith(() -> new InvalidInput("Invalid key_name provided."));
    }
}
