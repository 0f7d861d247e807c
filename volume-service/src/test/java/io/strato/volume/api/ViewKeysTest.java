package io.strato.volume.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.strato.volume.attachments.Attachment;
import io.strato.volume.attachments.AttachmentView;
import io.strato.volume.snapshots.Snapshot;
import io.strato.volume.snapshots.SnapshotView;
import io.strato.volume.types.VolumeType;
import io.strato.volume.types.VolumeTypeView;
import io.strato.volume.volumes.AttachmentEntry;
import io.strato.volume.volumes.Volume;
import io.strato.volume.volumes.VolumeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The view records write exactly the keys Cinder's clients read (those the Map-built views wrote): a key present
 * with null stays present, an optional one stays absent until it applies. Serialised as the service does (the
 * SNAKE_CASE naming of application.properties), so a component without its own name is caught too.
 */
class ViewKeysTest {
    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    static List<String> keys(Object view) {
        List<String> keys = new ArrayList<>();
        JSON.valueToTree(view).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static final List<String> VOLUME = List.of("id", "name", "description", "size", "status", "availability_zone",
            "created_at", "updated_at", "volume_type", "volume_type_id", "bootable", "encrypted", "multiattach", "metadata",
            "attachments", "attach_status", "snapshot_id", "source_volid", "user_id", "os-vol-tenant-attr:tenant_id",
            "replication_status", "consistencygroup_id", "migration_status");

    static Volume volume() {
        Volume v = new Volume();
        v.id = UUID.randomUUID();
        v.projectId = "p";
        v.size = 1;
        v.status = "available";
        v.backend = "local";
        return v;
    }

    @Test
    void aVolumeHasCindersKeysAndTheOptionalOnesOnlyWhenTheyApply() {
        Volume v = volume();
        List<String> member = new ArrayList<>(VOLUME);
        member.add("links");
        assertEquals(member, keys(VolumeView.of(v, "__DEFAULT__", "http://x", false)));
        JsonNode shown = JSON.valueToTree(VolumeView.of(v, null, "http://x", false));
        assertEquals(true, shown.get("name").isNull(), "a null key is written: " + shown);
        assertEquals("false", shown.get("bootable").asText());
        assertEquals("bookmark", shown.get("links").get(1).get("rel").asText());

        v.status = "error";
        v.statusReason = "disk full";
        v.imageId = UUID.randomUUID();
        List<String> admin = new ArrayList<>(VOLUME);
        admin.addAll(List.of("os-vol-host-attr:host", "volume_image_metadata", "status_reason", "links"));
        AttachmentEntry a = new AttachmentEntry(UUID.randomUUID(), v.id, UUID.randomUUID(), "h", "/dev/vdb", Instant.now());
        VolumeView view = VolumeView.of(v, "t", null, true, List.of(a));
        assertEquals(admin, keys(view));
        assertEquals(List.of("id", "attachment_id", "volume_id", "server_id", "host_name", "device", "attached_at"),
                keys(view.attachments().get(0)));
        assertEquals(List.of("id", "name", "links"), keys(VolumeView.Brief.of(v, "http://x")));
        assertEquals(List.of("volumes"), keys(new VolumeView.Many(List.of(view), null)));
        assertEquals(List.of("volumes", "volumes_links"), keys(new VolumeView.Many(List.of(view), Link.next("http://n"))));
        assertEquals(List.of("volume"), keys(new VolumeView.One(view)));
    }

    @Test
    void snapshotsTypesAndAttachmentsHaveCindersKeys() {
        Snapshot s = new Snapshot();
        s.id = UUID.randomUUID();
        s.volumeId = UUID.randomUUID();
        s.status = "available";
        List<String> snapshot = List.of("id", "name", "description", "volume_id", "size", "status", "created_at",
                "updated_at", "metadata", "os-extended-snapshot-attributes:project_id",
                "os-extended-snapshot-attributes:progress");
        assertEquals(snapshot, keys(SnapshotView.of(s)));
        s.status = "error";
        s.statusReason = "r";
        List<String> failed = new ArrayList<>(snapshot);
        failed.add("status_reason");
        assertEquals(failed, keys(SnapshotView.of(s)));

        VolumeType t = new VolumeType();
        t.id = UUID.randomUUID();
        assertEquals(List.of("id", "name", "description", "is_public", "os-volume-type-access:is_public", "extra_specs",
                "qos_specs_id"), keys(VolumeTypeView.of(t)));
        assertEquals(List.of("volume_type"), keys(new VolumeTypeView.One(VolumeTypeView.of(t))));
        assertEquals(List.of("volume_types"), keys(new VolumeTypeView.Many(List.of())));
        assertEquals(List.of("extra_specs"), keys(new VolumeTypeView.ExtraSpecs(Map.of())));

        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.volumeId = UUID.randomUUID();
        List<String> summary = List.of("id", "status", "instance", "volume_id");
        assertEquals(summary, keys(AttachmentView.summary(a)));
        assertEquals(List.of("id", "status", "instance", "volume_id", "attach_mode", "attached_at", "detached_at",
                "connection_info"), keys(AttachmentView.detail(a)));
        List<String> event = List.of("id", "status", "instance", "volume_id", "attach_mode", "attached_at", "detached_at",
                "project_id", "host_name", "device");
        assertEquals(event, keys(AttachmentView.event(a, null)));
        List<String> expired = new ArrayList<>(event);
        expired.add("reason");
        assertEquals(expired, keys(AttachmentView.event(a, "deadline")));
    }
}
