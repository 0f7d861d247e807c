package io.strato.compute.servers;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.protocol.Commands;
import io.strato.compute.protocol.Reports;
import io.strato.compute.volumes.AttachmentWatchdog;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * os-volume_attachments end to end inside compute-service: volume-service's attachments API is the stub's
 * (a remote service), the agent is played through Kafka with the real protocol.
 */
@QuarkusTest
@ServersInfra
class VolumeAttachmentTest extends ServerTestBase {

    @Inject
    AttachmentWatchdog watchdog;

    String attachments(UUID server) {
        return SERVERS + "/" + server + "/os-volume_attachments";
    }

    String attachBody(UUID volume) {
        return "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\", \"device\": \"/dev/vdz\"}}";
    }

    String volumeStatus(UUID volume) {
        return world.volumeState(volume).path("status").asText();
    }

    void awaitVolume(UUID volume, String status) {
        ServerWorld.await("volume " + volume + " to be " + status, Duration.ofSeconds(20),
                () -> status.equals(volumeStatus(volume)));
    }

    String row(UUID volume, String column) {
        return world.string("SELECT " + column + "::text FROM server_volume_attachment WHERE volume_id = ?", volume);
    }

    String eventResult(UUID commandId) {
        return world.string("SELECT result FROM instance_action_event WHERE id = ?", commandId);
    }

    /** Attaches and answers the agent's command with success; returns the attach command. */
    JsonNode attached(UUID server, UUID volume) {
        as(member).body(attachBody(volume)).post(attachments(server)).then().statusCode(200);
        JsonNode cmd = world.awaitCommand(server, Commands.ATTACH_VOLUME, null);
        while (!cmd.path("volume_id").asText().equals(volume.toString())) {
            cmd = world.awaitCommand(server, Commands.ATTACH_VOLUME, UUID.fromString(cmd.path("command_id").asText()));
        }
        answer(server, cmd, Commands.ATTACH_VOLUME, true);
        awaitVolume(volume, "in-use");
        return cmd;
    }

    void answer(UUID server, JsonNode cmd, String name, boolean success) {
        world.publish(Reports.COMMAND_RESULT, server, new Reports.CommandResult(
                UUID.fromString(cmd.path("command_id").asText()), server, host(server), name, success,
                Reports.RUNNING, success ? "done" : "libvirt said no", java.time.Instant.now()));
    }

    @Test
    void aServerWithAVolumeAttachedIsNotRebuiltWithoutIt() {
        UUID id = active("rebuild-with-volume");
        UUID volume = world.volume(project, Map.of());
        attached(id, volume);
        as(member).body("{\"rebuild\": {\"imageRef\": \"" + image + "\"}}").post(SERVERS + "/" + id + "/action")
                .then().statusCode(409)
                .body("conflictingRequest.message", org.hamcrest.Matchers.containsString("attached volumes"));
        assertEquals("ACTIVE", status(id));
        assertEquals("in-use", volumeStatus(volume));
    }

    @Test
    void attachReservesConnectsSendsTheDiskWithItsQosAndCompletesAfterTheAgent() {
        UUID id = active("with-volume");
        UUID volume = world.volume(project, Map.of("read_iops_sec", "3000", "total_bytes_sec", "1048576",
                "consumer_note", "x"));
        as(member).body(attachBody(volume)).post(attachments(id)).then().statusCode(200)
                .body("volumeAttachment.id", equalTo(volume.toString()))
                .body("volumeAttachment.volumeId", equalTo(volume.toString()))
                .body("volumeAttachment.serverId", equalTo(id.toString()))
                .body("volumeAttachment.device", equalTo("/dev/vdb")); // the requested /dev/vdz is ignored

        JsonNode state = world.volumeState(volume);
        assertEquals("attaching", state.path("status").asText());
        assertEquals(1, state.path("_attachments").size());
        JsonNode connector = state.path("_attachments").get(0).path("connector");
        assertEquals(host(id), connector.path("host").asText());
        assertEquals("/dev/vdb", connector.path("mountpoint").asText());

        JsonNode cmd = world.awaitCommand(id, Commands.ATTACH_VOLUME, null);
        assertEquals("strato.compute.host." + host(id), world.commandTopic(id, Commands.ATTACH_VOLUME));
        assertEquals(volume.toString(), cmd.path("volume_id").asText());
        assertEquals("vdb", cmd.path("device").asText());
        assertEquals("/volumes/volume-" + volume, cmd.path("source_path").asText());
        assertEquals("qcow2", cmd.path("format").asText());
        assertEquals(3000, cmd.path("iotune").path("read_iops_sec").asLong());
        assertEquals(1048576, cmd.path("iotune").path("total_bytes_sec").asLong());
        assertEquals(2, cmd.path("iotune").size(), "only libvirt's iotune keys: " + cmd.path("iotune"));
        assertEquals("attaching", row(volume, "status"));
        as(member).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.'os-extended-volumes:volumes_attached'.id", equalTo(java.util.List.of(volume.toString())))
                .body("server.status", equalTo("ACTIVE"));

        answer(id, cmd, Commands.ATTACH_VOLUME, true);
        awaitVolume(volume, "in-use");
        ServerWorld.await("the row attached", Duration.ofSeconds(10), () -> "attached".equals(row(volume, "status")));
        assertEquals("attached", world.volumeState(volume).path("_attachments").get(0).path("status").asText());
        assertEquals("Success", eventResult(UUID.fromString(cmd.path("command_id").asText())));
        as(member).get(attachments(id)).then().statusCode(200)
                .body("volumeAttachments", hasSize(1))
                .body("volumeAttachments[0].device", equalTo("/dev/vdb"));
        as(reader).get(attachments(id) + "/" + volume).then().statusCode(200)
                .body("volumeAttachment.serverId", equalTo(id.toString()));
        as(member).get(SERVERS + "/" + id + "/os-instance-actions").then().statusCode(200)
                .body("instanceActions.action", hasItem("attach_volume"));

        UUID second = world.volume(project, Map.of());
        as(member).body(attachBody(second)).post(attachments(id)).then().statusCode(200)
                .body("volumeAttachment.device", equalTo("/dev/vdc"));
        as(member).get(SERVERS + "/detail").then().statusCode(200)
                .body("servers.find { it.id == '" + id + "' }.'os-extended-volumes:volumes_attached'", hasSize(2));
    }

    @Test
    void aFailedAttachGivesTheVolumeBackAndLeavesNoRow() {
        UUID id = active("failing-attach");
        UUID volume = world.volume(project, Map.of());
        as(member).body(attachBody(volume)).post(attachments(id)).then().statusCode(200);
        JsonNode cmd = world.awaitCommand(id, Commands.ATTACH_VOLUME, null);
        answer(id, cmd, Commands.ATTACH_VOLUME, false);
        awaitVolume(volume, "available");
        assertEquals(0, world.volumeState(volume).path("_attachments").size());
        ServerWorld.await("the row gone", Duration.ofSeconds(10), () -> row(volume, "status") == null);
        assertEquals("Error", eventResult(UUID.fromString(cmd.path("command_id").asText())));
        as(member).get(attachments(id)).then().statusCode(200).body("volumeAttachments", hasSize(0));
        as(member).get(SERVERS + "/" + id).then().statusCode(200)
                .body("server.'os-extended-volumes:volumes_attached'", hasSize(0));
    }

    @Test
    void detachUnplugsThenGivesTheVolumeBackAndAFailedDetachKeepsItAttached() {
        UUID id = active("detaching");
        UUID volume = world.volume(project, Map.of());
        attached(id, volume);

        as(member).delete(attachments(id) + "/" + volume).then().statusCode(202);
        assertEquals("detaching", row(volume, "status"));
        as(member).delete(attachments(id) + "/" + volume).then().statusCode(409)
                .body("conflictingRequest.code", equalTo(409));
        JsonNode detach = world.awaitCommand(id, Commands.DETACH_VOLUME, null);
        assertEquals("vdb", detach.path("device").asText());
        assertEquals(volume.toString(), detach.path("volume_id").asText());
        answer(id, detach, Commands.DETACH_VOLUME, false);
        ServerWorld.await("a failed detach back to attached", Duration.ofSeconds(10),
                () -> "attached".equals(row(volume, "status")));
        assertEquals("in-use", volumeStatus(volume));

        as(member).delete(attachments(id) + "/" + volume).then().statusCode(202);
        JsonNode again = world.awaitCommand(id, Commands.DETACH_VOLUME, UUID.fromString(detach.path("command_id").asText()));
        answer(id, again, Commands.DETACH_VOLUME, true);
        awaitVolume(volume, "available");
        assertEquals(0, world.volumeState(volume).path("_attachments").size());
        ServerWorld.await("the row gone", Duration.ofSeconds(10), () -> row(volume, "status") == null);
        as(member).get(attachments(id)).then().statusCode(200).body("volumeAttachments", hasSize(0));
        as(member).get(SERVERS + "/" + id + "/os-instance-actions").then().statusCode(200)
                .body("instanceActions.action", hasItem("detach_volume"));
    }

    @Test
    void refusalsAreNovaFaults() {
        UUID building = createAccepted("still-building");
        UUID volume = world.volume(project, Map.of());
        as(member).body(attachBody(volume)).post(attachments(building)).then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Cannot 'attach_volume' instance " + building
                        + " while it is in vm_state building"));
        assertEquals("available", volumeStatus(volume), "volume-service was not asked");

        UUID id = active("refusing");
        as(member).delete(attachments(id) + "/" + volume).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance " + id + " is not attached to volume " + volume));
        as(member).get(attachments(id) + "/" + volume).then().statusCode(404);
        as(member).delete(attachments(id) + "/not-a-uuid").then().statusCode(404);

        UUID foreign = world.volume(ServerWorld.unique("other-project"), Map.of());
        as(member).body(attachBody(foreign)).post(attachments(id)).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume " + foreign + " could not be found."));
        as(member).body("{\"volumeAttachment\": {\"volumeId\": \"nope\"}}").post(attachments(id)).then().statusCode(400)
                .body("badRequest.code", equalTo(400));
        as(reader).body(attachBody(volume)).post(attachments(id)).then().statusCode(403);
        String tagged = "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\", \"tag\": \"disk1\"}}";
        as(member).body(tagged).post(attachments(id)).then().statusCode(400);
        at(member, 49).body(tagged).post(attachments(id)).then().statusCode(400)
                .body("badRequest.message", equalTo("Tagged volume attachment is not supported for this server instance."));
        assertEquals("available", volumeStatus(volume), "volume-service was not asked");

        UUID busy = world.volume(project, Map.of());
        attached(id, busy);
        UUID other = active("other");
        as(member).body(attachBody(busy)).post(attachments(other)).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: volume " + busy
                        + " is already attached to another instance."));
        assertEquals(1, world.volumeState(busy).path("_attachments").size(), "no second attachment");
    }

    @Test
    void volumeServiceRefusingAReservationIsA400WithItsMessage() {
        UUID id = active("in-use-elsewhere");
        UUID volume = world.volume(project, Map.of());
        world.volumeInStatus(volume, project, "in-use"); // held by something this compute-service does not know
        as(member).body(attachBody(volume)).post(attachments(id)).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: Volume " + volume
                        + " status must be available or downloading to reserve, but the current status is in-use."));
        assertNull(row(volume, "status"));
        assertEquals(0, world.commandCount(id, Commands.ATTACH_VOLUME));
    }

    @Test
    void deletingTheServerGivesItsVolumesBack() {
        UUID id = active("deleted-with-volume");
        UUID volume = world.volume(project, Map.of());
        attached(id, volume);
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        world.answer(id, Commands.DELETE, host(id), true, Reports.NOSTATE, null);
        awaitGone(id);
        awaitVolume(volume, "available");
        assertEquals(0, world.volumeState(volume).path("_attachments").size());
        assertNull(row(volume, "status"));
    }

    @Test
    void theWatchdogFailsAnUnansweredAttachAndRollsBackAnUnansweredDetach() throws Throwable {
        UUID id = active("watched");
        UUID volume = world.volume(project, Map.of());
        as(member).body(attachBody(volume)).post(attachments(id)).then().statusCode(200);
        JsonNode cmd = world.awaitCommand(id, Commands.ATTACH_VOLUME, null);
        world.update("UPDATE server_volume_attachment SET deadline = now() - interval '1 second' WHERE volume_id = ?",
                volume);
        watchdog.sweep();
        assertNull(row(volume, "status"), "the unanswered attach is gone");
        assertEquals("available", volumeStatus(volume));
        assertEquals("Error", eventResult(UUID.fromString(cmd.path("command_id").asText())));
        JsonNode unplug = world.awaitCommand(id, Commands.DETACH_VOLUME, null);
        assertEquals(volume.toString(), unplug.path("volume_id").asText(), "a late attach is undone on the host");
        answer(id, cmd, Commands.ATTACH_VOLUME, true); // the late answer changes nothing
        UUID marker = world.volume(project, Map.of());
        attached(id, marker); // reports are read in order: by now the late one has been
        assertEquals("available", volumeStatus(volume));

        as(member).delete(attachments(id) + "/" + marker).then().statusCode(202);
        JsonNode detach = world.awaitCommand(id, Commands.DETACH_VOLUME, UUID.fromString(unplug.path("command_id").asText()));
        world.update("UPDATE server_volume_attachment SET deadline = now() - interval '1 second' WHERE volume_id = ?",
                marker);
        watchdog.sweep();
        assertEquals("attached", row(marker, "status"), "an unanswered detach is rolled back");
        assertEquals("in-use", volumeStatus(marker));
        assertEquals("Error", eventResult(UUID.fromString(detach.path("command_id").asText())));
    }

    @Test
    void anAnswerVolumeServiceCouldNotTakeIsToldAgainByTheWatchdog() throws Throwable {
        UUID id = active("patient-volume");
        UUID volume = world.volume(project, Map.of());
        as(member).body(attachBody(volume)).post(attachments(id)).then().statusCode(200);
        JsonNode cmd = world.awaitCommand(id, Commands.ATTACH_VOLUME, null);
        world.failVolumeCalls(1);
        answer(id, cmd, Commands.ATTACH_VOLUME, true);
        ServerWorld.await("the answer kept", Duration.ofSeconds(10), () -> "success".equals(row(volume, "agent_result")));
        assertEquals("attaching", row(volume, "status"));
        assertEquals("attaching", volumeStatus(volume));
        world.update("UPDATE server_volume_attachment SET deadline = now() - interval '1 second' WHERE volume_id = ?",
                volume);
        watchdog.sweep();
        assertEquals("attached", row(volume, "status"));
        assertEquals("in-use", volumeStatus(volume));
        assertTrue(row(volume, "deadline") == null);
    }

    @Test
    void from270TagFrom279DeleteOnTerminationAndFrom285ItsUpdate() {
        UUID id = active("versions");
        UUID volume = world.volume(project, Map.of());
        at(member, 78).body("{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\", \"delete_on_termination\": true}}")
                .post(attachments(id)).then().statusCode(400);
        at(member, 79).body("{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\", \"delete_on_termination\": \"maybe\"}}")
                .post(attachments(id)).then().statusCode(400);
        at(member, 79).body("{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\", \"delete_on_termination\": true}}")
                .post(attachments(id)).then().statusCode(200)
                .body("volumeAttachment.id", equalTo(volume.toString()))
                .body("volumeAttachment.tag", org.hamcrest.Matchers.nullValue())
                .body("volumeAttachment", org.hamcrest.Matchers.hasKey("tag"))
                .body("volumeAttachment.delete_on_termination", equalTo(true));
        JsonNode cmd = world.awaitCommand(id, Commands.ATTACH_VOLUME, null);
        answer(id, cmd, Commands.ATTACH_VOLUME, true);
        awaitVolume(volume, "in-use");
        String one = attachments(id) + "/" + volume;
        as(member).get(one).then().body("volumeAttachment", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("tag")))
                .body("volumeAttachment", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("delete_on_termination")));
        at(member, 70).get(one).then().body("volumeAttachment", org.hamcrest.Matchers.hasKey("tag"))
                .body("volumeAttachment", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("delete_on_termination")));
        at(member, 85).get(attachments(id)).then().body("volumeAttachments[0].id", equalTo(volume.toString()))
                .body("volumeAttachments[0].delete_on_termination", equalTo(true));
        at(member, 75).get(attachments(id) + "?foo=1").then().statusCode(400);
        at(member, 74).get(attachments(id) + "?foo=1").then().statusCode(200);
        at(member, 75).get(attachments(id) + "?limit=1&offset=1").then().statusCode(200)
                .body("volumeAttachments", equalTo(java.util.List.of()));
        String update = "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\", \"delete_on_termination\": false}}";
        at(member, 84).body(update).put(one).then().statusCode(400);
        at(member, 84).body("{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}").put(one).then().statusCode(403);
        at(reader, 85).body(update).put(one).then().statusCode(403);
        at(member, 85).body("{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\", \"device\": \"/dev/vdq\"}}")
                .put(one).then().statusCode(400).body("badRequest.message", equalTo("The device property is not mutable"));
        at(member, 85).body("{\"volumeAttachment\": {\"volumeId\": \"" + UUID.randomUUID() + "\"}}").put(one)
                .then().statusCode(403);
        UUID unattached = UUID.randomUUID();
        at(member, 85).body(update.replace(volume.toString(), unattached.toString())).put(attachments(id) + "/" + unattached)
                .then().statusCode(404);
        // another volume in the body than in the path is a swap: the admins' rule first, as in Nova
        at(member, 85).body(update).put(attachments(id) + "/" + unattached).then().statusCode(403);
        at(member, 85).body(update).put(one).then().statusCode(202);
        at(member, 85).get(one).then().body("volumeAttachment.delete_on_termination", equalTo(false));
        at(member, 85).body(update.replace("false", "true")).put(one).then().statusCode(202);
        as(member).delete(SERVERS + "/" + id).then().statusCode(204);
        world.answer(id, Commands.DELETE, host(id), true, Reports.NOSTATE, null);
        awaitGone(id);
        ServerWorld.await("the volume deleted with its server", Duration.ofSeconds(20),
                () -> world.volumeGone(volume));
    }

    @Test
    void from289ListAndShowGiveTheAttachmentIdsInsteadOfId() {
        UUID id = active("ids");
        UUID volume = world.volume(project, Map.of());
        at(member, 89).body(attachBody(volume)).post(attachments(id)).then().statusCode(200)
                .body("volumeAttachment.id", equalTo(volume.toString()));
        String one = attachments(id) + "/" + volume;
        at(member, 89).get(one).then().body("volumeAttachment", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("id")))
                .body("volumeAttachment.attachment_id", equalTo(row(volume, "attachment_id")))
                .body("volumeAttachment.bdm_uuid", equalTo(row(volume, "bdm_uuid")));
        at(member, 88).get(one).then().body("volumeAttachment.id", equalTo(volume.toString()))
                .body("volumeAttachment", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("bdm_uuid")));
    }
}
