package io.strato.volume.attachments;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import io.strato.volume.Db;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deadline sweep: nothing stays reserved, attaching or detaching once its caller went away. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class AttachmentSweepTest {
    @Inject
    AttachmentSweep sweep;
    @Inject
    AttachmentConfig config;

    @Test
    void theDeadlineIsTenMinutesUnlessConfigured() {
        assertEquals(Duration.ofMinutes(10), config.deadline());
    }

    @Test
    void attachmentsAndStatusesPastTheDeadlineAreGivenUp() throws Throwable {
        Api a = Api.member();
        String reserved = AttachmentApiTest.volume(a, "");
        String attaching = AttachmentApiTest.volume(a, "");
        String legacy = AttachmentApiTest.volume(a, "");
        String detaching = AttachmentApiTest.volume(a, "");
        String fresh = AttachmentApiTest.volume(a, "");
        String r = AttachmentApiTest.reserve(a, reserved, UUID.randomUUID().toString());
        String c = AttachmentApiTest.reserve(a, attaching, UUID.randomUUID().toString());
        AttachmentApiTest.at(a, "3.27").body("{\"attachment\": {\"connector\": " + AttachmentApiTest.CONNECTOR + "}}")
                .put(a.url("/attachments/" + c)).then().statusCode(200);
        LegacyAttachActionsTest.action(a, legacy, "{\"os-reserve\": null}").statusCode(202);
        LegacyAttachActionsTest.action(a, detaching, "{\"os-attach\": {\"instance_uuid\": \"" + UUID.randomUUID()
                + "\", \"mountpoint\": \"/dev/vdb\"}}").statusCode(202);
        LegacyAttachActionsTest.action(a, detaching, "{\"os-begin_detaching\": null}").statusCode(202);
        String f = AttachmentApiTest.reserve(a, fresh, UUID.randomUUID().toString());
        // everything but the fresh reservation was last changed an hour ago
        for (String v : new String[] {reserved, attaching, legacy, detaching}) {
            Db.update("update volume set updated_at = now() - interval '1 hour' where id = ?", UUID.fromString(v));
            Db.update("update volume_attachment set updated_at = now() - interval '1 hour' where volume_id = ?",
                    UUID.fromString(v));
        }

        Instant cutoff = Instant.now().minus(Duration.ofMinutes(10));
        assertTrue(sweep.sweep(cutoff) >= 4);

        a.show(reserved).body("volume.status", equalTo("available"));
        a.show(attaching).body("volume.status", equalTo("available"));
        a.show(legacy).body("volume.status", equalTo("available"));
        a.show(detaching).body("volume.status", equalTo("in-use"));
        a.show(fresh).body("volume.status", equalTo("reserved"));
        AttachmentApiTest.at(a, "3.27").get(a.url("/attachments/" + r)).then().statusCode(404);
        AttachmentApiTest.at(a, "3.27").get(a.url("/attachments/" + c)).then().statusCode(404);
        AttachmentApiTest.at(a, "3.27").get(a.url("/attachments/" + f)).then().statusCode(200)
                .body("attachment.status", equalTo("reserved"));
        assertEquals(AttachmentExpiry.EXPIRED, Db.text("select payload->>'reason' from strato_outbox where subject = ?"
                + " and type = 'strato.volume.attachment.deleted.v1'", r));
        assertEquals("available", Db.text("select payload->>'status' from strato_outbox where subject = ? and type ="
                + " 'strato.volume.volume.updated.v1' order by seq desc limit 1", reserved));

        // a volume reserved again after the sweep is a new reservation: the next sweep leaves it alone
        AttachmentApiTest.reserve(a, reserved, UUID.randomUUID().toString());
        sweep.sweep(Instant.now().minus(Duration.ofMinutes(10)));
        a.show(reserved).body("volume.status", equalTo("reserved"));
    }
}
