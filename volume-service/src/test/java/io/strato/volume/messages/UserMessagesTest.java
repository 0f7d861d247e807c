package io.strato.volume.messages;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A volume no backend can take ends in error with Cinder's user message, which its project lists, shows and deletes. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class UserMessagesTest {

    @Test
    void noValidBackendLeavesAMessage() {
        Api admin = Api.admin();
        String type = admin.req().body("{\"volume_type\": {\"name\": \"bogus-" + UUID.randomUUID() + "\", \"extra_specs\": "
                        + "{\"storage_protocol\": \"fibre-pigeon\", \"vendor_name\": \"nobody\"}}}")
                .post(admin.url("/types")).then().statusCode(200).extract().path("volume_type.id");
        Api a = Api.member();
        String vol = a.createVolume("{\"volume\": {\"size\": 1, \"volume_type\": \"" + type + "\"}}");
        a.show(vol).statusCode(200).body("volume.status", equalTo("error"));
        var v33 = a.req().header("OpenStack-API-Version", "volume 3.3");
        List<String> ids = v33.get(a.url("/messages")).then().statusCode(200).body("messages.resource_uuid", hasItem(vol))
                .extract().path("messages.id");
        String id = ids.get(0);
        a.req().header("OpenStack-API-Version", "volume 3.3").get(a.url("/messages/" + id)).then().statusCode(200)
                .body("message.event_id", equalTo("VOLUME_VOLUME_001_003"))
                .body("message.user_message", equalTo("schedule allocate volume:Could not find any available weighted backend."))
                .body("message.message_level", equalTo("ERROR")).body("message.resource_type", equalTo("VOLUME"))
                .body("message.request_id", startsWith("req-"));
        // below 3.3 there are no messages; another project does not see them
        a.req().get(a.url("/messages")).then().statusCode(404);
        Api other = Api.member();
        other.req().header("OpenStack-API-Version", "volume 3.3").get(other.url("/messages/" + id)).then().statusCode(404);
        other.req().header("OpenStack-API-Version", "volume 3.3").get(other.url("/messages")).then().statusCode(200)
                .body("messages.id", not(hasItem(id)));

        a.req().header("OpenStack-API-Version", "volume 3.3").delete(a.url("/messages/" + id)).then().statusCode(204);
        a.req().header("OpenStack-API-Version", "volume 3.3").get(a.url("/messages/" + id)).then().statusCode(404);
        // the volume in error is deleted as any other
        a.req().delete(a.url("/volumes/" + vol)).then().statusCode(202);
        a.awaitGone(vol);

        // a type whose specs match the backend's capabilities schedules as before
        String good = admin.req().body("{\"volume_type\": {\"name\": \"good-" + UUID.randomUUID() + "\", \"extra_specs\": "
                        + "{\"storage_protocol\": \"file\", \"vendor_name\": \"Strato\", \"capabilities:thin_provisioning_support\": \"<is> True\"}}}")
                .post(admin.url("/types")).then().statusCode(200).extract().path("volume_type.id");
        String ok = a.createVolume("{\"volume\": {\"size\": 1, \"volume_type\": \"" + good + "\"}}");
        a.await(ok, "available");
    }
}
