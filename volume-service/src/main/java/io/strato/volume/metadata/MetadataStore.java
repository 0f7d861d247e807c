package io.strato.volume.metadata;

import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Where a kind of resource (volumes, snapshots) keeps its metadata, for {@link MetadataResource}. */
public interface MetadataStore {

    /** The collection in the URL, {@code volumes} in {@code /v3/{project_id}/volumes/{id}/metadata}. */
    String collection();

    /** The resource's name in messages: {@code Volume}. */
    String kind();

    /** The metadata of the resource {@code id} if the caller sees it (any for an admin); a 404 otherwise. */
    Uni<Map<String, String>> metadata(Caller caller, boolean admin, String id);

    /**
     * Replaces the resource's metadata with {@code change} of it, under the resource's row lock (so concurrent
     * changes do not lose each other's keys), with the resource's updated event; returns the metadata after.
     */
    Uni<Map<String, String>> changeMetadata(Caller caller, boolean admin, String id, UnaryOperator<Map<String, String>> change);
}
