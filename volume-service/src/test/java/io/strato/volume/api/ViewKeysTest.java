package io.strato.volume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.strato.volume.attachments.Attachment;
import io.strato.volume.attachments.AttachmentView;
import io.strato.volume.snapshots.Snapshot;
import io.strato.volume.snapshots.SnapshotView;
import io.strato.volume.types.VolumeType;
import io.strato.volume.types.VolumeTypeView;
import io.strato.volume.volumes.AttachmentEntry;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeKeys;
import io.strato.volume.volumes.VolumeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The view records write exactly the keys Cinder's clients read (those the Map-built views wrote): a key present
 * with null stays present, an optional one stays absent until it applies. Serialised as the service does (the
 * SNAKE_CASE naming of application.properties), so a component without its own name is caught too.
 */
class ViewKeysTest {
    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new Jdk8Module());

    static List<String> keys(Object view) {
        List<String> keys = new ArrayList<>();
        JSON.valueToTree(view).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Cinder's detail view at 3.0 (create and update answers): the keys Tempest's create_volume schema allows. */
    static final List<String> VOLUME = List.of("id", "name", "description", "size", "status", "availability_zone",
            "created_at", "updated_at", "volume_type", "bootable", "encrypted", "multiattach", "metadata",
            "attachments", "snapshot_id", "source_volid", "user_id", "replication_status", "consistencygroup_id");

    static Volume volume() {
        Volume v = new Volume();
        v.id = UUID.randomUUID();
        v.projectId = "p";
        v.size = 1;
        v.status = "available";
        v.backend = "local";
        return v;
    }

    /** The keys of {@code base} and {@code more}, in no order (the order of keys is not Cinder's contract). */
    static Set<String> with(java.util.Collection<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    static Set<String> keySet(Object view) {
        return new TreeSet<>(keys(view));
    }

    @Test
    void aVolumeHasCindersKeysPerCallVersionAndPolicy() {
        Volume v = volume();
        v.volumeTypeId = UUID.randomUUID();
        v.attachStatus = "detached";
        assertEquals(with(VOLUME, "links"), keySet(VolumeView.of(v, "__DEFAULT__", "http://x", new VolumeKeys(0, false, false, false))));
        JsonNode shown = JSON.valueToTree(VolumeView.of(v, null, "http://x", new VolumeKeys(0, false, true, false)));
        assertEquals(true, shown.get("name").isNull(), "a null key is written: " + shown);
        assertEquals("false", shown.get("bootable").asText());
        assertEquals("bookmark", shown.get("links").get(1).get("rel").asText());
        // show and list detail: the tenant attribute for whoever sees the volume
        assertEquals(with(VOLUME, "os-vol-tenant-attr:tenant_id", "links"), keySet(shown));
        // an admin's create or update: migration_status (null) only
        JsonNode written = JSON.valueToTree(VolumeView.of(v, "t", null, new VolumeKeys(0, true, false, false)));
        assertEquals(with(VOLUME, "migration_status", "links"), keySet(written));
        assertEquals(true, written.get("migration_status").isNull());
        // an admin's show at 3.21: group_id (3.13), provider_id (3.21), the host and migration attributes
        assertEquals(with(VOLUME, "os-vol-tenant-attr:tenant_id", "migration_status", "group_id", "provider_id",
                        "os-vol-host-attr:host", "os-vol-mig-status-attr:migstat", "os-vol-mig-status-attr:name_id", "links"),
                keySet(VolumeView.of(v, "t", null, new VolumeKeys(21, true, true, false))));
        // a member at 3.44: group_id, not provider_id
        assertEquals(with(VOLUME, "os-vol-tenant-attr:tenant_id", "group_id", "links"),
                keySet(VolumeView.of(v, "t", null, new VolumeKeys(44, false, true, false))));
        // volume_type_id from 3.63
        assertEquals(with(VOLUME, "volume_type_id", "group_id", "links"),
                keySet(VolumeView.of(v, "t", null, new VolumeKeys(63, false, false, false))));

        v.status = "error";
        v.statusReason = "disk full";
        v.imageId = UUID.randomUUID();
        assertEquals(with(VOLUME, "links"), keySet(VolumeView.of(v, "t", null, new VolumeKeys(0, false, false, false))),
                "no image metadata in a create's answer, and no status_reason in any answer (Cinder has none)");
        assertEquals(with(VOLUME, "os-vol-tenant-attr:tenant_id", "volume_image_metadata", "links"),
                keySet(VolumeView.of(v, "t", null, new VolumeKeys(0, false, true, false))));
        assertEquals(with(VOLUME, "os-vol-tenant-attr:tenant_id", "migration_status", "group_id", "provider_id",
                        "os-vol-host-attr:host", "os-vol-mig-status-attr:migstat", "os-vol-mig-status-attr:name_id",
                        "volume_image_metadata", "links"),
                keySet(VolumeView.of(v, "t", null, new VolumeKeys(44, true, true, false))), "not for admins either");
        AttachmentEntry a = new AttachmentEntry(UUID.randomUUID(), v.id, UUID.randomUUID(), "h", "/dev/vdb", Instant.now());
        VolumeView event = VolumeView.of(v, "t", null, VolumeKeys.EVENT, List.of(a));
        assertEquals(List.of("id", "name", "description", "size", "status", "availability_zone", "created_at", "updated_at",
                "volume_type", "volume_type_id", "bootable", "encrypted", "multiattach", "metadata", "attachments",
                "attach_status", "snapshot_id", "source_volid", "user_id", "os-vol-tenant-attr:tenant_id",
                "replication_status", "consistencygroup_id", "migration_status", "group_id", "os-vol-host-attr:host",
                "volume_image_metadata", "status_reason", "links"), keys(event), "event data keeps every attribute");
        assertEquals(List.of("id", "attachment_id", "volume_id", "server_id", "host_name", "device", "attached_at"),
                keys(event.attachments().get(0)));
        assertEquals(List.of("id", "name", "links"), keys(VolumeView.Brief.of(v, "http://x")));
        assertEquals(List.of("volumes"), keys(new VolumeView.Many(List.of(event), null)));
        assertEquals(List.of("volumes", "volumes_links"), keys(new VolumeView.Many(List.of(event), Link.next("http://n"))));
        assertEquals(List.of("volume"), keys(new VolumeView.One(event)));
    }

    @Test
    void snapshotsTypesAndAttachmentsHaveCindersKeys() {
        Snapshot s = new Snapshot();
        s.id = UUID.randomUUID();
        s.volumeId = UUID.randomUUID();
        s.status = "available";
        s.projectId = "p";
        List<String> snapshot = List.of("id", "name", "description", "volume_id", "size", "status", "created_at",
                "updated_at", "metadata");
        assertEquals(snapshot, keys(SnapshotView.of(s, SnapshotView.Keys.SUMMARY)), "the plain list: Cinder's summary");
        assertEquals(snapshot, keys(SnapshotView.of(s, new SnapshotView.Keys(0, false, false))), "create/update at 3.0");
        Set<String> extended = with(snapshot, "os-extended-snapshot-attributes:project_id",
                "os-extended-snapshot-attributes:progress");
        assertEquals(extended, keySet(SnapshotView.of(s, new SnapshotView.Keys(0, true, false))), "show/detail at 3.0");
        assertEquals(with(snapshot, "group_snapshot_id", "user_id", "os-extended-snapshot-attributes:project_id",
                "os-extended-snapshot-attributes:progress"), keySet(SnapshotView.of(s, new SnapshotView.Keys(41, true, false))));
        assertEquals(with(snapshot, "group_snapshot_id"), keySet(SnapshotView.of(s, new SnapshotView.Keys(14, false, false))));
        s.status = "error";
        s.statusReason = "r";
        assertEquals(with(extended, "status_reason", "group_snapshot_id"), keySet(SnapshotView.of(s, SnapshotView.Keys.EVENT)));
        assertEquals(extended, keySet(SnapshotView.of(s, new SnapshotView.Keys(0, true, false))), "no status_reason in the API");

        VolumeType t = new VolumeType();
        t.id = UUID.randomUUID();
        List<String> type = List.of("id", "name", "description", "is_public", "extra_specs");
        assertEquals(with(type, "os-volume-type-access:is_public"), keySet(VolumeTypeView.of(t, VolumeTypeView.Keys.CREATED)),
                "create: Cinder's plain view and the access extension");
        assertEquals(type, keys(VolumeTypeView.of(t, VolumeTypeView.Keys.UPDATED)), "update: no extension");
        assertEquals(with(type, "os-volume-type-access:is_public", "qos_specs_id"),
                keySet(VolumeTypeView.of(t, VolumeTypeView.Keys.shown(true, true))), "show/list, admin");
        assertEquals(with(type, "os-volume-type-access:is_public"), keySet(VolumeTypeView.of(t, VolumeTypeView.Keys.shown(false, true))),
                "show/list, member");
        assertEquals(Set.copyOf(type), keySet(VolumeTypeView.of(t, VolumeTypeView.Keys.shown(false, false))), "show/list, reader");
        t.extraSpecs = Map.of("volume_backend_name", "local", "multiattach", "<is> True");
        assertEquals(Map.of("multiattach", "<is> True"), VolumeTypeView.of(t, VolumeTypeView.Keys.shown(false, true)).extraSpecs(),
                "users see Cinder's user-visible specs only");
        assertEquals(t.extraSpecs, VolumeTypeView.of(t, VolumeTypeView.Keys.shown(true, true)).extraSpecs());
        assertEquals(List.of("volume_type"), keys(new VolumeTypeView.One(VolumeTypeView.of(t, VolumeTypeView.Keys.UPDATED))));
        assertEquals(List.of("volume_types"), keys(new VolumeTypeView.Many(List.of())));
        assertEquals(List.of("extra_specs"), keys(new VolumeTypeView.ExtraSpecs(Map.of())));

        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.volumeId = UUID.randomUUID();
        List<String> summary = List.of("id", "status", "instance", "volume_id");
        assertEquals(summary, keys(AttachmentView.summary(a)));
        assertEquals(List.of("id", "status", "instance", "volume_id", "attach_mode", "attached_at", "detached_at",
                "connection_info"), keys(AttachmentView.detail(a, false)));
        List<String> event = List.of("id", "status", "instance", "volume_id", "attach_mode", "attached_at", "detached_at",
                "project_id", "host_name", "device");
        assertEquals(event, keys(AttachmentView.event(a, null)));
        List<String> expired = new ArrayList<>(event);
        expired.add("reason");
        assertEquals(expired, keys(AttachmentView.event(a, "deadline")));
    }
}
