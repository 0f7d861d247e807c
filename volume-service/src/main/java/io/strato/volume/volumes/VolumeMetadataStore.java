package io.strato.volume.volumes;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.volume.metadata.MetadataStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The metadata of volumes, for the metadata subresource: every change under the volume's row lock, with its event. */
@ApplicationScoped
public class VolumeMetadataStore implements MetadataStore {
    private final VolumeRecords records;

    public VolumeMetadataStore(VolumeRecords records) {
        this.records = records;
    }

    @Override
    public String collection() {
        return "volumes";
    }

    @Override
    public String kind() {
        return "Volume";
    }

    @Override
    @WithSession
    public Uni<Map<String, String>> metadata(Caller caller, boolean admin, String id) {
        return records.visible(caller, admin, id).map(v -> v.metadata);
    }

    @Override
    @WithTransaction
    public Uni<Map<String, String>> changeMetadata(Caller caller, boolean admin, String id,
                                                   UnaryOperator<Map<String, String>> change) {
        return records.locked(caller, admin, id).flatMap(v -> {
            v.metadata = change.apply(v.metadata);
            v.updatedAt = Instant.now();
            return records.changed("updated", v).replaceWith(v.metadata);
        });
    }
}
