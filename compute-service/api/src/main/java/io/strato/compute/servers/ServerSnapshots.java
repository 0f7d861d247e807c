package io.strato.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.Microversion;
import io.strato.compute.clients.GlanceImages;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.protocol.Commands;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * createImage and createBackup (Nova's compute API {@code snapshot} and {@code backup}): with the server's row locked
 * and its state checked (ACTIVE, SHUTOFF, PAUSED or SUSPENDED, no task; Nova does not check the lock), the image record
 * is created in image-service with the caller's own token ({@link SnapshotImages}), then in the same transaction the
 * server takes its task ({@code image_snapshot_pending}, {@code image_backup}), the instance action is recorded
 * ({@code createImage}/{@code compute_snapshot_instance}, {@code createBackup}/{@code compute_backup_instance}) and the
 * host's agent gets its command (snapshot, backup). If that transaction fails, the image is deleted again. The
 * agent's answer ends the task (saga/CommandResultHandler); an agent silent past {@code snapshot-timeout} has the
 * task given up and the image deleted (saga/Watchdog).
 */
@ApplicationScoped
public class ServerSnapshots {
    private static final Logger LOG = Logger.getLogger(ServerSnapshots.class);
    static final List<String> SNAPSHOTTABLE = List.of(VmStates.ACTIVE, VmStates.STOPPED, VmStates.PAUSED,
            VmStates.SUSPENDED);

    private final ServerQueries queries;
    private final Policy policy;
    private final ComputeQuota quota;
    private final GlanceImages glance;
    private final ServerActions actions;
    private final SagaConfig config;

    ServerSnapshots(ServerQueries queries, Policy policy, ComputeQuota quota, GlanceImages glance, ServerActions actions,
                    SagaConfig config) {
        this.queries = queries;
        this.policy = policy;
        this.quota = quota;
        this.glance = glance;
        this.actions = actions;
        this.config = config;
    }

    /** createImage's body: Nova's schema ({@code name} 1-255 characters, {@code metadata} Nova's metadata object). */
    public record Request(String name, Map<String, String> metadata) {
        static Request parse(JsonNode args) {
            object("createImage", args);
            BodyFields.onlyKnown(args, Set.of("name", "metadata"));
            return new Request(BodyFields.name(args, "name", 255, true), metadataOf(args));
        }
    }

    /**
     * createBackup's body: Nova's schema ({@code name}, {@code backup_type} any string, {@code rotation} a
     * non-negative integer or string of digits, all required; {@code metadata} optional).
     */
    public record BackupRequest(String name, String backupType, int rotation, Map<String, String> metadata) {
        static BackupRequest parse(JsonNode args) {
            object("createBackup", args);
            BodyFields.onlyKnown(args, Set.of("name", "backup_type", "rotation", "metadata"));
            String name = BodyFields.name(args, "name", 255, true);
            JsonNode type = args.get("backup_type");
            if (type == null) {
                throw new InvalidInput("Invalid input for field/attribute createBackup. Value: " + args
                        + ". 'backup_type' is a required property");
            }
            if (!type.isTextual()) {
                throw BodyFields.invalid("backup_type", type, type + " is not of type 'string'");
            }
            int rotation = BodyFields.integer(args, "rotation", 0, Integer.MAX_VALUE, null);
            return new BackupRequest(name, type.asText(), rotation, metadataOf(args));
        }
    }

    private static void object(String action, JsonNode args) {
        if (args == null || !args.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute " + action + ". Value: " + args + ". " + args
                    + " is not of type 'object'");
        }
    }

    private static Map<String, String> metadataOf(JsonNode args) {
        return args.has("metadata") ? BodyFields.metadata(args.get("metadata"), "metadata") : Map.of();
    }

    /** How one of the two actions goes: its policy, names, task and the agent's command for the new image. */
    private record Kind(String rule, String action, String event, String task, String command, String imageType,
                        Map<String, String> properties, java.util.function.BiFunction<Server, UUID, Object> payload) {
    }

    /** Takes a snapshot of the server; the new image's id. */
    public Uni<UUID> createImage(Caller caller, String token, UUID id, String requestId, Request req, Microversion version) {
        Kind kind = new Kind(ServerPolicies.CREATE_IMAGE, "createImage", "compute_snapshot_instance",
                VmStates.IMAGE_SNAPSHOT_PENDING, Commands.SNAPSHOT, "snapshot", Map.of(),
                (s, c) -> new Commands.Snapshot(c, s.id, s.snapshotImageId, SnapshotImages.containerFormat(s)));
        return take(caller, token, id, requestId, req.name(), req.metadata(), version, kind);
    }

    /** Takes a backup of the server (a snapshot the agent then rotates); the new image's id. */
    public Uni<UUID> createBackup(Caller caller, String token, UUID id, String requestId, BackupRequest req,
                                  Microversion version) {
        Kind kind = new Kind(ServerPolicies.CREATE_BACKUP, "createBackup", "compute_backup_instance",
                VmStates.IMAGE_BACKUP, Commands.BACKUP, "backup", Map.of("backup_type", req.backupType()),
                (s, c) -> new Commands.Backup(c, s.id, s.snapshotImageId, SnapshotImages.containerFormat(s),
                        req.backupType(), req.rotation()));
        return take(caller, token, id, requestId, req.name(), req.metadata(), version, kind);
    }

    private Uni<UUID> take(Caller caller, String token, UUID id, String requestId, String name,
                           Map<String, String> metadata, Microversion version, Kind kind) {
        AtomicReference<UUID> created = new AtomicReference<>();
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(kind.rule(), caller, ServerPolicies.target(s));
            return metadataQuota(s, metadata, version)
                    .chain(() -> {
                        ServerActions.expect(s, kind.action(), SNAPSHOTTABLE);
                        return glance.create(SnapshotImages.body(s, caller, name, metadata, kind.imageType(),
                                kind.properties()), token);
                    })
                    .chain(image -> {
                        UUID imageId = UUID.fromString(image.path("id").asText());
                        created.set(imageId);
                        boolean shared = "shared".equals(image.path("visibility").asText());
                        return (shared ? glance.addMember(imageId.toString(), s.projectId, token) : Uni.createFrom().voidItem())
                                .chain(() -> begin(s, caller, requestId, imageId, kind));
                    });
        })).onFailure().call(e -> {
            UUID imageId = created.get();
            if (imageId == null) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("%s of server %s failed after image %s was created (%s); deleting the image", kind.action(), id,
                    imageId, e.getMessage());
            return glance.delete(imageId.toString(), token).onFailure().invoke(d -> LOG.warnf(
                    "could not delete image %s of a %s that failed: %s", imageId, kind.action(), d.getMessage()))
                    .onFailure().recoverWithNull();
        });
    }

    /** Up to 2.38 the request's metadata counts against metadata_items (Nova's 403 "Image metadata limit exceeded"). */
    private Uni<Void> metadataQuota(Server s, Map<String, String> metadata, Microversion version) {
        if (version.atLeast(39) || metadata.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return quota.checkMetadataItems(s.projectId, metadata.size())
                .onFailure(Forbidden.class).transform(e -> new Forbidden("Image metadata limit exceeded"));
    }

    private Uni<UUID> begin(Server s, Caller caller, String requestId, UUID imageId, Kind kind) {
        UUID c = UUID.randomUUID();
        s.snapshotImageId = imageId;
        return actions.begin(s, caller, requestId, kind.action(), kind.event(), kind.task(), c, kind.command(),
                kind.payload().apply(s, c), config.snapshotTimeout()).replaceWith(imageId);
    }
}
