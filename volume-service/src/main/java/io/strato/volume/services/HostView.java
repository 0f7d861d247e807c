package io.strato.volume.services;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Cinder's os-hosts: the list of services by host, and a cinder-volume host's usage by project (counts as strings, as Cinder). */
public final class HostView {
    private HostView() {
    }

    public record Entry(
            @JsonProperty("service-status") String serviceStatus,
            String service,
            String zone,
            @JsonProperty("service-state") String serviceState,
            @JsonProperty("host_name") String hostName,
            @JsonProperty("last-update") String lastUpdate) {

        static Entry of(VolumeServices.Service s) {
            return new Entry("available", s.binary(), s.zone(), s.disabled() ? "disabled" : "enabled", s.host(),
                    s.updatedAt().toString());
        }
    }

    /** {@code {"hosts": [...]}}. */
    public record Many(List<Entry> hosts) {
    }

    public record Resource(
            @JsonProperty("volume_count") String volumeCount,
            @JsonProperty("total_volume_gb") String totalVolumeGb,
            @JsonProperty("total_snapshot_gb") String totalSnapshotGb,
            String project,
            String host,
            @JsonProperty("snapshot_count") String snapshotCount) {
    }

    public record Item(Resource resource) {
        static Item of(String host, HostUsage.Usage u) {
            return new Item(new Resource(String.valueOf(u.volumes()), String.valueOf(u.volumeGb()),
                    String.valueOf(u.snapshotGb()), u.project(), host, String.valueOf(u.snapshots())));
        }
    }

    /** {@code {"host": [{"resource": {...}}, ...]}}. */
    public record Show(List<Item> host) {
    }
}
