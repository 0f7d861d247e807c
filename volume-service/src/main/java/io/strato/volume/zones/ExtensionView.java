package io.strato.volume.zones;

import java.util.List;

/**
 * One of Cinder's API extensions as {@code GET /extensions} lists it. Strato lists only the Cinder extensions whose
 * calls or keys it serves (with Cinder's alias, name and description), so a client probing for a feature finds it
 * only when it is there. {@code updated} is one fixed date, not each extension's own.
 */
public record ExtensionView(String alias, String name, String description, String updated, List<Object> links) {
    private static final String UPDATED = "2013-01-01T00:00:00+00:00";

    /** {@code {"extensions": [...]}}. */
    public record Many(List<ExtensionView> extensions) {
    }

    static final List<ExtensionView> SERVED = List.of(
            of("os-admin-actions", "AdminActions", "Enable admin actions."),
            of("os-availability-zone", "AvailabilityZones", "Describe Availability Zones."),
            of("os-extended-snapshot-attributes", "ExtendedSnapshotAttributes", "Extended SnapshotAttributes support."),
            of("os-quota-class-sets", "QuotaClasses", "Quota classes management support."),
            of("os-quota-sets", "Quotas", "Quota management support."),
            of("qos-specs", "Qos_specs_manage", "QoS specs support."),
            of("scheduler-stats", "Scheduler_stats", "Scheduler stats support."),
            of("os-snapshot-actions", "SnapshotActions", "Enable snapshot manager actions."),
            of("os-types-extra-specs", "TypesExtraSpecs", "Type extra specs support."),
            of("os-types-manage", "TypesManage", "Types manage support."),
            of("os-volume-actions", "VolumeActions", "Enable volume actions."),
            of("os-volume-transfer", "VolumeTransfer", "Volume transfer management support."),
            of("os-volume-type-access", "VolumeTypeAccess", "Volume type access support."),
            of("os-vol-host-attr", "VolumeHostAttribute", "Expose host as an attribute of a volume."),
            of("os-vol-image-meta", "VolumeImageMetadata", "Show image metadata associated with the volume."),
            of("os-vol-mig-status-attr", "VolumeMigStatusAttribute", "Expose migration_status as an attribute of a volume."),
            of("os-vol-tenant-attr", "VolumeTenantAttribute", "Expose the internal project_id as an attribute of a volume."));

    private static ExtensionView of(String alias, String name, String description) {
        return new ExtensionView(alias, name, description, UPDATED, List.of());
    }
}
