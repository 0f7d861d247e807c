package io.strato.volume.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A pool of Cinder's scheduler-stats/get_pools: its name, and its capabilities when asked for the detail. */
public record PoolView(String name, @JsonInclude(JsonInclude.Include.NON_NULL) Capabilities capabilities) {

    /** {@code {"pools": [...]}}. */
    public record Many(List<PoolView> pools) {
    }

    /**
     * What a backend offers and holds: its capacity, the GiB its volumes and snapshots are provisioned with, and the
     * bytes they really allocate (thin: far less).
     */
    public record Capabilities(
            @JsonProperty("volume_backend_name") String volumeBackendName,
            @JsonProperty("vendor_name") String vendorName,
            @JsonProperty("driver_version") String driverVersion,
            @JsonProperty("storage_protocol") String storageProtocol,
            @JsonProperty("total_capacity_gb") double totalCapacityGb,
            @JsonProperty("free_capacity_gb") double freeCapacityGb,
            @JsonProperty("allocated_capacity_gb") long allocatedCapacityGb,
            @JsonProperty("provisioned_capacity_gb") long provisionedCapacityGb,
            @JsonProperty("allocated_bytes") long allocatedBytes,
            @JsonProperty("thin_provisioning_support") boolean thinProvisioningSupport,
            @JsonProperty("thick_provisioning_support") boolean thickProvisioningSupport,
            @JsonProperty("max_over_subscription_ratio") String maxOverSubscriptionRatio,
            @JsonProperty("reserved_percentage") int reservedPercentage,
            @JsonProperty("timestamp") String timestamp) {
    }
}
