package io.strato.compute.aggregates;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.compute.api.Microversion;
import io.strato.compute.api.NovaTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of an aggregate: availability_zone (from its metadata), timestamps without a zone, {@code deleted}
 * false (deleted aggregates are gone), hosts and metadata (not in the create answer), uuid from 2.41.
 */
@Schema(name = "Aggregate")
public record AggregateView(
        @JsonProperty("availability_zone") String availabilityZone,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("deleted_at") String deletedAt,
        @JsonProperty("hosts") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> hosts,
        @JsonProperty("id") int id,
        @JsonProperty("metadata") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> metadata,
        @JsonProperty("name") String name,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("uuid") @JsonInclude(JsonInclude.Include.NON_NULL) String uuid) {

    /** The aggregate with its hosts and metadata (every answer but create's). */
    static AggregateView of(AggregateService.WithHosts w, Microversion version) {
        Aggregate a = w.aggregate();
        return new AggregateView(a.availabilityZone(), NovaTime.naive(a.createdAt), false, null, w.hosts(), a.id,
                new TreeMap<>(a.metadata), a.name, NovaTime.naive(a.updatedAt), version.atLeast(41) ? a.uuid.toString() : null);
    }

    /** The create answer: no hosts, no metadata. */
    static AggregateView created(Aggregate a, Microversion version) {
        return new AggregateView(a.availabilityZone(), NovaTime.naive(a.createdAt), false, null, null, a.id, null, a.name,
                NovaTime.naive(a.updatedAt), version.atLeast(41) ? a.uuid.toString() : null);
    }

    @Schema(name = "AggregateOne")
    public record One(@JsonProperty("aggregate") AggregateView aggregate) {
    }

    @Schema(name = "AggregateMany")
    public record Many(@JsonProperty("aggregates") List<AggregateView> aggregates) {
    }
}
