package io.strato.compute.blockstorage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.BlockStorage;
import io.strato.compute.clients.BlockStorage.Collection;
import io.strato.compute.clients.Refusals;
import io.strato.compute.clients.RemoteFailure;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Nova's os-volumes and os-snapshots proxies over volume-service (nova/volume/cinder.py's calls), with the caller's
 * token and project. Cinder's refusals as Nova translates them: 404 the volume's or snapshot's "could not be found",
 * 400 invalid input, 403 and 413 (over quota) forbidden.
 */
@ApplicationScoped
public class BlockStorageProxy {
    private final BlockStorage cinder;

    BlockStorageProxy(BlockStorage cinder) {
        this.cinder = cinder;
    }

    public Uni<List<VolumeView>> volumes(String projectId, String token) {
        return list(Collection.VOLUMES, projectId, token, VolumeView::of);
    }

    public Uni<VolumeView> volume(String projectId, String id, String token) {
        return cinder.show(Collection.VOLUMES, projectId, id, token).map(VolumeView::of)
                .onFailure(RemoteFailure.class).transform(refusal("Volume", id));
    }

    /**
     * Creates a volume from Cinder's {@code volume} object; with a snapshot and no size, the snapshot's (Nova looks the
     * snapshot up first: 404 when it is not found).
     */
    public Uni<VolumeView> createVolume(String projectId, ObjectNode volume, String token) {
        String snapshotId = volume.path("snapshot_id").asText(null);
        Uni<ObjectNode> ready = snapshotId == null ? Uni.createFrom().item(volume)
                : cinder.show(Collection.SNAPSHOTS, projectId, snapshotId, token)
                        .onFailure(RemoteFailure.class).transform(refusal("Snapshot", snapshotId))
                        .map(s -> volume.has("size") ? volume : volume.put("size", s.path("size").asLong()));
        return ready.chain(v -> cinder.create(Collection.VOLUMES, projectId, wrap("volume", v), token))
                .onFailure(RemoteFailure.class).transform(refusal("Volume", null)).map(VolumeView::of);
    }

    public Uni<Void> deleteVolume(String projectId, String id, String token) {
        return cinder.delete(Collection.VOLUMES, projectId, id, token)
                .onFailure(RemoteFailure.class).transform(refusal("Volume", id));
    }

    public Uni<List<SnapshotView>> snapshots(String projectId, String token) {
        return list(Collection.SNAPSHOTS, projectId, token, SnapshotView::of);
    }

    public Uni<SnapshotView> snapshot(String projectId, String id, String token) {
        return cinder.show(Collection.SNAPSHOTS, projectId, id, token).map(SnapshotView::of)
                .onFailure(RemoteFailure.class).transform(refusal("Snapshot", id));
    }

    /** Snapshots a volume from Cinder's {@code snapshot} object (404 when the volume is not found). */
    public Uni<SnapshotView> createSnapshot(String projectId, ObjectNode snapshot, String token) {
        String volumeId = snapshot.path("volume_id").asText();
        return cinder.create(Collection.SNAPSHOTS, projectId, wrap("snapshot", snapshot), token)
                .onFailure(RemoteFailure.class).transform(refusal("Volume", volumeId)).map(SnapshotView::of);
    }

    public Uni<Void> deleteSnapshot(String projectId, String id, String token) {
        return cinder.delete(Collection.SNAPSHOTS, projectId, id, token)
                .onFailure(RemoteFailure.class).transform(refusal("Snapshot", id));
    }

    private <T> Uni<List<T>> list(Collection c, String projectId, String token, Function<JsonNode, T> view) {
        return cinder.list(c, projectId, token).map(items -> {
            List<T> out = new ArrayList<>();
            items.forEach(i -> out.add(view.apply(i)));
            return out;
        }).onFailure(RemoteFailure.class).transform(Refusals.nova(f -> null));
    }

    /** Cinder's refusal as Nova's translate_*_exception; {@code id} names what a 404 did not find. */
    private static Function<RemoteFailure, RuntimeException> refusal(String what, String id) {
        return Refusals.nova(f -> switch (f.status()) {
            case 404 -> new NotFound(what + " " + (id == null ? "" : id + " ") + "could not be found.");
            case 400 -> new InvalidInput(f.getMessage());
            case 403, 413 -> new Forbidden(f.getMessage());
            default -> null;
        });
    }

    private static JsonNode wrap(String member, ObjectNode value) {
        ObjectNode root = value.objectNode();
        root.set(member, value);
        return root;
    }
}
