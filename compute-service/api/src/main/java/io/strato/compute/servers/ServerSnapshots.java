package io.strato.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.Microversion;
import io.strato.compute.clients.GlanceImages;
import io.strato.compute.config.SagaConfig;
import io.strato.compute.protocol.Commands;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * createImage (Nova's compute API {@code snapshot}): with the server's row locked and its state checked (ACTIVE,
 * SHUTOFF, PAUSED or SUSPENDED, no task; Nova does not check the lock), the image record is created in image-service
 * with the caller's own token ({@link SnapshotImages}), then in the same transaction the server takes the task
 * {@code image_snapshot_pending}, the instance action {@code createImage} (event {@code compute_snapshot_instance})
 * is recorded and the host's agent gets its snapshot command. If that transaction fails, the image is deleted again.
 * The agent's answer ends the task (saga/CommandResultHandler); an agent silent past {@code snapshot-timeout} has the
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
            if (args == null || !args.isObject()) {
                throw new InvalidInput("Invalid input for field/attribute createImage. Value: " + args + ". " + args
                        + " is not of type 'object'");
            }
            io.strato.compute.validation.BodyFields.onlyKnown(args, java.util.Set.of("name", "metadata"));
            String name = io.strato.compute.validation.BodyFields.name(args, "name", 255, true);
            Map<String, String> metadata = args.has("metadata")
                    ? io.strato.compute.validation.BodyFields.metadata(args.get("metadata"), "metadata") : Map.of();
            return new Request(name, metadata);
        }
    }

    /** Takes a snapshot of the server; the new image's id. */
    public Uni<UUID> createImage(Caller caller, String token, UUID id, String requestId, Request req, Microversion version) {
        AtomicReference<UUID> created = new AtomicReference<>();
        return Panache.withTransaction(() -> queries.visible(caller, id, true).chain(s -> {
            policy.enforce(ServerPolicies.CREATE_IMAGE, caller, ServerPolicies.target(s));
            return metadataQuota(s, req, version)
                    .chain(() -> {
                        ServerActions.expect(s, "createImage", SNAPSHOTTABLE);
                        return glance.create(SnapshotImages.body(s, caller, req.name(), req.metadata()), token);
                    })
                    .chain(image -> {
                        UUID imageId = UUID.fromString(image.path("id").asText());
                        created.set(imageId);
                        boolean shared = "shared".equals(image.path("visibility").asText());
                        return (shared ? glance.addMember(imageId.toString(), s.projectId, token) : Uni.createFrom().voidItem())
                                .chain(() -> begin(s, caller, requestId, imageId));
                    });
        })).onFailure().call(e -> {
            UUID imageId = created.get();
            if (imageId == null) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("createImage of server %s failed after image %s was created (%s); deleting the image", id, imageId,
                    e.getMessage());
            return glance.delete(imageId.toString(), token).onFailure().invoke(d -> LOG.warnf(
                    "could not delete image %s of a createImage that failed: %s", imageId, d.getMessage()))
                    .onFailure().recoverWithNull();
        });
    }

    /** Up to 2.38 the request's metadata counts against metadata_items (Nova's 403 "Image metadata limit exceeded"). */
    private Uni<Void> metadataQuota(Server s, Request req, Microversion version) {
        if (version.atLeast(39) || req.metadata().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return quota.checkMetadataItems(s.projectId, req.metadata().size())
                .onFailure(Forbidden.class).transform(e -> new Forbidden("Image metadata limit exceeded"));
    }

    private Uni<UUID> begin(Server s, Caller caller, String requestId, UUID imageId) {
        UUID c = UUID.randomUUID();
        s.snapshotImageId = imageId;
        return actions.begin(s, caller, requestId, "createImage", "compute_snapshot_instance",
                VmStates.IMAGE_SNAPSHOT_PENDING, c, Commands.SNAPSHOT,
                new Commands.Snapshot(c, s.id, imageId, SnapshotImages.containerFormat(s)), config.snapshotTimeout())
                .replaceWith(imageId);
    }
}
