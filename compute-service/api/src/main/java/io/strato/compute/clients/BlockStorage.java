package io.strato.compute.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * volume-service's volumes and snapshots for Nova's os-volumes and os-snapshots proxies, with the caller's token and
 * project: Cinder's JSON, or a {@link RemoteFailure} with volume-service's status and message.
 */
@ApplicationScoped
public class BlockStorage {
    /** A Cinder collection the proxies read and write. */
    public enum Collection {
        VOLUMES("volumes", "volume"), SNAPSHOTS("snapshots", "snapshot");

        final String path;
        final String member;

        Collection(String path, String member) {
            this.path = path;
            this.member = member;
        }
    }

    private final CinderBlockApi cinder;

    BlockStorage(CinderBlockApi cinder) {
        this.cinder = cinder;
    }

    /** The project's members of the collection, in detail (Cinder's array). */
    public Uni<JsonNode> list(Collection c, String projectId, String token) {
        return Remote.forCaller(Volumes.SERVICE, () -> cinder.list(projectId, c.path, token)).map(b -> b.path(c.path));
    }

    public Uni<JsonNode> show(Collection c, String projectId, String id, String token) {
        return Remote.forCaller(Volumes.SERVICE, () -> cinder.show(projectId, c.path, id, token)).map(b -> b.path(c.member));
    }

    /** Creates one from Cinder's request body ({@code {"volume": {...}}} or {@code {"snapshot": {...}}}). */
    public Uni<JsonNode> create(Collection c, String projectId, JsonNode body, String token) {
        String text = body.toString();
        return Remote.forCaller(Volumes.SERVICE, () -> cinder.create(projectId, c.path, text, token)).map(b -> b.path(c.member));
    }

    public Uni<Void> delete(Collection c, String projectId, String id, String token) {
        return Remote.forCaller(Volumes.SERVICE, () -> cinder.delete(projectId, c.path, id, token)).replaceWithVoid();
    }
}
