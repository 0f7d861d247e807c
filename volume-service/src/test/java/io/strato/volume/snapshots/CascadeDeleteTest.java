package io.strato.volume.snapshots;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cinder's {@code DELETE /volumes/{id}?cascade=true}: the volume goes with its snapshots, records and files. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class CascadeDeleteTest {

    @Test
    void aCascadeDeleteTakesTheSnapshotsAndAVolumeMadeFromOneStays() throws Exception {
        Api a = Api.member();
        String vol = a.availableVolume();
        SnapshotApiTest t = new SnapshotApiTest();
        String s1 = t.snapshot(a, vol, "one");
        String s2 = t.snapshot(a, vol, "two");
        String copy = a.createVolume("{\"volume\": {\"snapshot_id\": \"" + s1 + "\"}}");
        a.await(copy, "available");
        assertTrue(Files.exists(SnapshotApiTest.volumeFile(vol)));

        a.req().delete(a.url("/volumes/" + vol)).then().statusCode(400).body("badRequest.code", equalTo(400));
        a.req().delete(a.url("/volumes/" + vol + "?cascade=maybe")).then().statusCode(400);
        a.req().delete(a.url("/volumes/" + vol + "?cascade=true")).then().statusCode(202);
        a.req().get(a.url("/snapshots/" + s1)).then().statusCode(404);
        a.req().get(a.url("/snapshots/" + s2)).then().statusCode(404);
        a.awaitGone(vol);
        assertFalse(Files.exists(SnapshotApiTest.volumeFile(vol)));
        a.req().get(a.url("/snapshots?volume_id=" + vol)).then().statusCode(200).body("snapshots", equalTo(List.of()));
        // the volume made from a snapshot is a copy of its own, and stays readable
        a.show(copy).statusCode(200).body("volume.status", equalTo("available"));
        a.req().delete(a.url("/volumes/" + copy)).then().statusCode(202);
    }
}
