package io.strato.compute.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of an availability zone at 2.1; {@code hosts} is null in the list and, in the detail (admins), each
 * host's nova-compute service by host name.
 */
@Schema(name = "AvailabilityZone")
public record AvailabilityZoneView(
        @JsonProperty("zoneName") String zoneName,
        @JsonProperty("zoneState") State zoneState,
        @JsonProperty("hosts") Map<String, Map<String, Service>> hosts) {

    @Schema(name = "AvailabilityZoneState")
    public record State(@JsonProperty("available") boolean available) {
    }

    /** A host's nova-compute service: up ({@code available}) and enabled ({@code active}). */
    @Schema(name = "AvailabilityZoneService")
    public record Service(@JsonProperty("available") boolean available, @JsonProperty("active") boolean active,
                          @JsonProperty("updated_at") String updatedAt) {
    }

    @Schema(name = "AvailabilityZoneInfo")
    public record Info(@JsonProperty("availabilityZoneInfo") List<AvailabilityZoneView> availabilityZoneInfo) {
    }
}
