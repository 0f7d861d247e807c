package io.strato.volume.attachments;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The legacy attach actions on POST /volumes/{id}/action, with Cinder's status rules. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class LegacyAttachActionsTest {

    static ValidatableResponse action(Api a, String volume, String body) {
        return a.req().body(body).post(a.url("/volumes/" + volume + "/action")).then();
    }

    @Test
    void aVolumeIsReservedAttachedDetachingAndDetached() {
        Api a = Api.member();
        String v = AttachmentApiTest.volume(a, "");
        String server = UUID.randomUUID().toString();

        action(a, v, "{\"os-reserve\": null}").statusCode(202);
        a.show(v).body("volume.status", equalTo("attaching"));
        action(a, v, "{\"os-reserve\": null}").statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: Volume status must be available to reserve, but the"
                        + " status is attaching."));
        action(a, v, "{\"os-unreserve\": null}").statusCode(202);
        a.show(v).body("volume.status", equalTo("available"));
        action(a, v, "{\"os-reserve\": {}}").statusCode(202);

        action(a, v, "{\"os-initialize_connection\": {}}").statusCode(400);
        action(a, v, "{\"os-initialize_connection\": {\"connector\": " + AttachmentApiTest.CONNECTOR + "}}").statusCode(200)
                .body("connection_info.driver_volume_type", equalTo("file"))
                .body("connection_info.data", not(hasKey("device_path")))
                .body("connection_info.data.volume_id", equalTo(v));
        a.show(v).body("volume.status", equalTo("attaching"));

        action(a, v, "{\"os-attach\": {\"instance_uuid\": \"" + server + "\"}}").statusCode(400);
        action(a, v, "{\"os-attach\": {\"instance_uuid\": \"" + server + "\", \"mountpoint\": \"/dev/vdc\","
                + " \"mode\": \"rw\"}}").statusCode(202);
        a.show(v).body("volume.status", equalTo("in-use"))
                .body("volume.attachments", hasSize(1)).body("volume.attachments[0].server_id", equalTo(server))
                .body("volume.attachments[0].device", equalTo("/dev/vdc"));
        String attachment = a.show(v).extract().path("volume.attachments[0].attachment_id");
        action(a, v, "{\"os-attach\": {\"instance_uuid\": \"" + UUID.randomUUID() + "\", \"mountpoint\": \"/dev/vdd\"}}")
                .statusCode(400).body("badRequest.message", startsWith("Invalid volume: volume is already attached"));
        action(a, v, "{\"os-reserve\": null}").statusCode(400);
        a.req().delete(a.url("/volumes/" + v)).then().statusCode(400);

        action(a, v, "{\"os-begin_detaching\": null}").statusCode(202);
        a.show(v).body("volume.status", equalTo("detaching"));
        a.req().delete(a.url("/volumes/" + v)).then().statusCode(400);
        action(a, v, "{\"os-roll_detaching\": null}").statusCode(202);
        a.show(v).body("volume.status", equalTo("in-use"));
        action(a, v, "{\"os-begin_detaching\": null}").statusCode(202);
        action(a, v, "{\"os-terminate_connection\": {\"connector\": " + AttachmentApiTest.CONNECTOR + "}}").statusCode(202);
        action(a, v, "{\"os-detach\": {\"attachment_id\": \"" + UUID.randomUUID() + "\"}}").statusCode(404);
        action(a, v, "{\"os-detach\": {\"attachment_id\": \"" + attachment + "\"}}").statusCode(202);
        a.show(v).body("volume.status", equalTo("available"))
                .body("volume.attachments", empty());

        action(a, v, "{\"os-begin_detaching\": null}").statusCode(400)
                .body("badRequest.message", startsWith("Invalid volume: Unable to detach volume."));
        action(a, v, "{\"os-roll_detaching\": null}").statusCode(202);
        a.show(v).body("volume.status", equalTo("available"));
        a.req().delete(a.url("/volumes/" + v)).then().statusCode(202);
    }

    @Test
    void attachWithoutReserveAndDetachWithoutAttachmentId() {
        Api a = Api.member();
        String v = AttachmentApiTest.volume(a, "");
        action(a, v, "{\"os-attach\": {\"mountpoint\": \"/dev/vdb\"}}").statusCode(400);
        action(a, v, "{\"os-attach\": {\"host_name\": \"bare-metal-1\", \"mountpoint\": \"/dev/sdb\", \"mode\": \"xx\"}}")
                .statusCode(400);
        action(a, v, "{\"os-attach\": {\"host_name\": \"bare-metal-1\", \"mountpoint\": \"/dev/sdb\"}}").statusCode(202);
        a.show(v).body("volume.status", equalTo("in-use")).body("volume.attachments[0].device", equalTo("/dev/sdb"));
        AttachmentApiTest.at(a, "3.27").get(a.url("/attachments?volume_id=" + v)).then()
                .body("attachments", hasSize(1)).body("attachments[0].status", equalTo("attached"));
        action(a, v, "{\"os-detach\": {}}").statusCode(202);
        a.show(v).body("volume.status", equalTo("available")).body("volume.attachments", empty());
        AttachmentApiTest.at(a, "3.27").get(a.url("/attachments?volume_id=" + v)).then().body("attachments", empty());
    }
}
