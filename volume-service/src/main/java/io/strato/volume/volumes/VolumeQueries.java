package io.strato.volume.volumes;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The volume API's reads: one volume, and the filtered, paged lists. */
@ApplicationScoped
public class VolumeQueries {
    private final VolumeRepository volumes;
    private final AttachmentLookup attachments;
    private final VolumeRecords records;

    public VolumeQueries(VolumeRepository volumes, AttachmentLookup attachments, VolumeRecords records) {
        this.volumes = volumes;
        this.attachments = attachments;
        this.records = records;
    }

    @WithSession
    public Uni<ShownVolume> show(Caller caller, boolean admin, String id) {
        return records.visible(caller, admin, id).flatMap(records::shown)
                .flatMap(s -> attachments.attached(s.volume().id).map(a -> new ShownVolume(s.volume(), s.typeName(), a)));
    }

    /**
     * The caller's project's volumes (every project's for an admin asking {@code all_tenants}), newest
     * first as Cinder sorts them (or by the sort key asked for), after the {@code marker} volume and {@code offset} more,
     * filtered by name, status, bootable, availability zone and metadata.
     */
    @WithSession
    public Uni<List<ShownVolume>> list(Caller caller, boolean admin, VolumeFilter filter, int limit, String marker) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder q = filter.where(caller, admin, p);
        Uni<Void> ready = Uni.createFrom().voidItem();
        if (marker != null) {
            // an unknown marker is Cinder's VolumeNotFound, a 404
            ready = records.visible(caller, admin, marker).invoke(m -> filter.after(m, q, p)).replaceWithVoid();
        }
        int offset = filter.offset();
        return ready.chain(() -> limit == 0 ? Uni.createFrom().item(List.<Volume>of())
                        : volumes.find(q + filter.orderBy(), p).range(offset, offset + limit - 1).list())
                .chain(list -> records.typeNames().flatMap(names -> attachments.attached(list.stream().map(v -> v.id).toList())
                        .map(byVolume -> list.stream().map(v -> new ShownVolume(v, names.get(v.volumeTypeId),
                                byVolume.getOrDefault(v.id, List.of()))).toList())));
    }

    /** Cinder's volume summary: how many volumes the list would show, their total size, and each metadata key's values. */
    public record Summary(long count, long size, Map<String, List<String>> metadata) {
    }

    /** The summary of the volumes the caller would list with {@code filter} (no paging). */
    @WithSession
    public Uni<Summary> summary(Caller caller, boolean admin, VolumeFilter filter) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder q = filter.where(caller, admin, p);
        return volumes.find(q.toString(), p).list().map(list -> {
            Map<String, SortedSet<String>> values = new TreeMap<>();
            long size = 0;
            for (Volume v : list) {
                size += v.size;
                (v.metadata == null ? Map.<String, String>of() : v.metadata)
                        .forEach((k, val) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(val));
            }
            Map<String, List<String>> metadata = new LinkedHashMap<>();
            values.forEach((k, vs) -> metadata.put(k, List.copyOf(vs)));
            return new Summary(list.size(), size, metadata);
        });
    }
}
