package io.strato.volume.zones;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An availability zone as Cinder shows it: {@code {"zoneName": "nova", "zoneState": {"available": true}}}. */
public record ZoneView(@JsonProperty("zoneName") String zoneName, @JsonProperty("zoneState") State zoneState) {

    /** {@code {"available": true}}. */
    public record State(boolean available) {
    }

    /** {@code {"availabilityZoneInfo": [...]}}. */
    public record Many(@JsonProperty("availabilityZoneInfo") List<ZoneView> availabilityZoneInfo) {
    }

    static ZoneView available(String name) {
        return new ZoneView(name, new State(true));
    }
}
