package io.strato.volume.volumes;

import io.strato.volume.api.ApiVersion;

/**
 * Which of Cinder's optional volume keys an answer carries. Cinder's detail view (create, update, show, list
 * detail) adds keys by microversion ({@code group_id} 3.13, {@code provider_id} 3.21 for admins,
 * {@code volume_type_id} 3.63) and {@code migration_status} for admins; show and list detail also run the
 * attribute extensions ({@code os-vol-tenant-attr}, {@code os-vol-host-attr} and {@code os-vol-mig-status-attr}
 * for admins, {@code volume_image_metadata}); create and update do not. Events carry the full row instead.
 *
 * @param minor    the request's microversion 3.{@code minor}
 * @param admin    whether the caller passes Cinder's admin_api rule
 * @param extended show or list detail (the attribute extensions apply)
 * @param event    the data of a volume event: every attribute Strato keeps, whatever the version
 */
public record VolumeKeys(int minor, boolean admin, boolean extended, boolean event) {
    /** The volume keys of event data. */
    public static final VolumeKeys EVENT = new VolumeKeys(0, true, false, true);

    /** The answer to a create or an update. */
    public static VolumeKeys written(ApiVersion version, boolean admin) {
        return new VolumeKeys(version.minor(), admin, false, false);
    }

    /** The answer to a show or a detailed list. */
    public static VolumeKeys shown(ApiVersion version, boolean admin) {
        return new VolumeKeys(version.minor(), admin, true, false);
    }

    boolean atLeast(int minor) {
        return this.minor >= minor;
    }
}
