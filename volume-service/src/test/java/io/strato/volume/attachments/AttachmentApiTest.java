package io.strato.volume.attachments;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import io.strato.volume.compute.FakeComputeServers;
import io.strato.volume.Db;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The attachments API as compute uses it: reserve, connect, complete, detach, with Cinder's statuses and refusals. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class AttachmentApiTest {
    static final String CONNECTOR = "{\"host\": \"host-1\", \"mountpoint\": \"/dev/vdb\", \"initiator\": null,"
            + " \"platform\": \"x86_64\", \"os_type\": \"linux\", \"multipath\": false}";

    static RequestSpecification at(Api a, String version) {
        return a.req().header("OpenStack-API-Version", "volume " + version);
    }

    static String volume(Api a, String extra) {
        String id = a.createVolume("{\"volume\": {\"size\": 1" + extra + "}}");
        a.await(id, "available");
        return id;
    }

    static String reserve(Api a, String volume, String server) {
        return at(a, "3.27").body("{\"attachment\": {\"volume_uuid\": \"" + volume + "\", \"instance_uuid\": \"" + server
                + "\", \"connector\": null, \"mode\": \"rw\"}}").post(a.url("/attachments")).then().statusCode(200)
                .body("attachment.status", equalTo("reserved")).extract().path("attachment.id");
    }

    @Test
    void aVolumeIsReservedConnectedCompletedAndDetached() throws Exception {
        Api a = Api.member();
        String v = volume(a, "");
        String server = UUID.randomUUID().toString();

        String id = at(a, "3.27").body("{\"attachment\": {\"volume_uuid\": \"" + v + "\", \"instance_uuid\": \"" + server
                        + "\", \"connector\": null, \"mode\": \"rw\"}}").post(a.url("/attachments")).then().statusCode(200)
                .header("OpenStack-API-Version", "volume 3.27")
                .body("attachment.status", equalTo("reserved")).body("attachment.instance", equalTo(server))
                .body("attachment.volume_id", equalTo(v)).body("attachment.attach_mode", equalTo("rw"))
                .body("attachment.attached_at", nullValue()).body("attachment.detached_at", nullValue())
                .body("attachment.connection_info.size()", equalTo(0)).extract().path("attachment.id");
        a.show(v).body("volume.status", equalTo("reserved")).body("volume.attachments", empty());
        a.req().delete(a.url("/volumes/" + v)).then().statusCode(400);

        at(a, "3.27").body("{\"attachment\": {\"connector\": " + CONNECTOR + "}}").put(a.url("/attachments/" + id))
                .then().statusCode(200).body("attachment.status", equalTo("attaching"))
                .body("attachment.connection_info.driver_volume_type", equalTo("file"))
                .body("attachment.connection_info.data", not(hasKey("device_path")))
                .body("attachment.connection_info.data.format", equalTo("qcow2"))
                .body("attachment.connection_info.data.serial", equalTo(v))
                .body("attachment.connection_info.data.volume_id", equalTo(v))
                .body("attachment.connection_info.data.access_mode", equalTo("rw"))
                .body("attachment.connection_info.data.qos_specs", nullValue());
        a.show(v).body("volume.status", equalTo("attaching"));

        at(a, "3.43").body("{\"os-complete\": null}").post(a.url("/attachments/" + id + "/action")).then().statusCode(404);
        for (String bad : List.of("{\"os-complete\": ", "{\"os-finish\": null}", "{\"os-complete\": null, \"os-finish\": {}}",
                "{}", "[]", "")) {
            at(a, "3.44").body(bad).post(a.url("/attachments/" + id + "/action")).then().statusCode(400)
                    .body("badRequest.code", equalTo(400));
        }
        at(a, "3.44").body("{\"os-complete\": null}").post(a.url("/attachments/" + id + "/action")).then().statusCode(204);
        a.show(v).body("volume.status", equalTo("in-use"))
                .body("volume.attachments", hasSize(1))
                .body("volume.attachments[0].id", equalTo(v))
                .body("volume.attachments[0].attachment_id", equalTo(id))
                .body("volume.attachments[0].server_id", equalTo(server))
                .body("volume.attachments[0].device", equalTo("/dev/vdb"))
                .body("volume.attachments[0].host_name", nullValue());
        Api.admin().req().get(a.url("/volumes/" + v)).then().statusCode(200)
                .body("volume.attachments[0].host_name", equalTo("host-1"));
        a.req().get(a.url("/volumes/detail")).then().statusCode(200)
                .body("volumes.find { it.id == '" + v + "' }.attachments[0].server_id", equalTo(server));
        at(a, "3.27").get(a.url("/attachments/" + id)).then().statusCode(200)
                .body("attachment.status", equalTo("attached")).body("attachment.attached_at", startsWith("20"));
        at(a, "3.27").get(a.url("/attachments?volume_id=" + v)).then().statusCode(200)
                .body("attachments", hasSize(1)).body("attachments[0].id", equalTo(id))
                .body("attachments[0].instance", equalTo(server));
        at(a, "3.27").get(a.url("/attachments/detail?instance_id=" + server)).then().statusCode(200)
                .body("attachments[0].connection_info.data.serial", equalTo(v));
        at(a, "3.27").get(a.url("/attachments?instance_id=" + UUID.randomUUID())).then().body("attachments", empty());

        a.req().body("{\"volume\": {\"name\": \"renamed-while-in-use\"}}").put(a.url("/volumes/" + v))
                .then().statusCode(200);
        assertEquals(server, Db.text("select payload->'attachments'->0->>'server_id' from strato_outbox where subject = ?"
                + " and type = 'strato.volume.volume.updated.v1' and payload->>'name' = 'renamed-while-in-use'", v),
                "an update of an in-use volume tells its attachments");
        a.req().delete(a.url("/volumes/" + v)).then().statusCode(400)
                .body("badRequest.message", startsWith("Invalid volume: Volume status must be available"));
        at(a, "3.27").body("{\"attachment\": {\"volume_uuid\": \"" + v + "\", \"instance_uuid\": \""
                        + UUID.randomUUID() + "\"}}").post(a.url("/attachments")).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid volume: Volume " + v + " status must be available or"
                        + " downloading to reserve, but the current status is in-use."));

        at(a, "3.27").delete(a.url("/attachments/" + id)).then().statusCode(200).body("attachments", empty());
        a.show(v).body("volume.status", equalTo("available"))
                .body("volume.attachments", empty());
        at(a, "3.27").delete(a.url("/attachments/" + id)).then().statusCode(404).body("itemNotFound.code", equalTo(404));
        at(a, "3.27").get(a.url("/attachments/" + id)).then().statusCode(404);

        assertEquals(1, Db.events("strato.volume.attachment.created.v1", id));
        assertEquals(2, Db.events("strato.volume.attachment.updated.v1", id), "attaching, then attached");
        assertEquals(1, Db.events("strato.volume.attachment.deleted.v1", id));
        assertEquals("in-use", Db.text("select payload->>'status' from strato_outbox where subject = ? and type ="
                + " 'strato.volume.volume.updated.v1' and payload->>'status' = 'in-use'", v));
        a.req().delete(a.url("/volumes/" + v)).then().statusCode(202);
        a.awaitGone(v);
    }

    @Test
    void theAttachmentsApiNeedsMicroversion327() {
        Api a = Api.member();
        String v = volume(a, "");
        String body = "{\"attachment\": {\"volume_uuid\": \"" + v + "\", \"instance_uuid\": \"" + UUID.randomUUID() + "\"}}";
        a.req().body(body).post(a.url("/attachments")).then().statusCode(404).body("itemNotFound.code", equalTo(404));
        at(a, "3.26").body(body).post(a.url("/attachments")).then().statusCode(404);
        at(a, "3.26").get(a.url("/attachments")).then().statusCode(404);
        a.show(v).body("volume.status", equalTo("available"));
        at(a, "latest").get(a.url("/attachments")).then().statusCode(200).header("OpenStack-API-Version", "volume 3.44");
    }

    @Test
    void anotherProjectsVolumeCannotBeAttachedOrSeen() {
        Api a = Api.member();
        Api b = Api.member();
        String v = volume(a, "");
        String body = "{\"attachment\": {\"volume_uuid\": \"" + v + "\", \"instance_uuid\": \"" + UUID.randomUUID() + "\"}}";
        at(b, "3.27").body(body).post(b.url("/attachments")).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Volume " + v + " could not be found."));
        // compute calls as admin with the server's project: still only that project's volumes
        at(Api.admin(), "3.27").body(body).post(b.url("/attachments")).then().statusCode(404);
        at(b, "3.27").body(body).post(a.url("/attachments")).then().statusCode(403);
        b.req().body("{\"os-reserve\": null}").post(b.url("/volumes/" + v + "/action")).then().statusCode(404);
        b.req().body("{\"os-attach\": {\"instance_uuid\": \"" + UUID.randomUUID() + "\", \"mountpoint\": \"/dev/vdb\"}}")
                .post(b.url("/volumes/" + v + "/action")).then().statusCode(404);
        a.show(v).body("volume.status", equalTo("available"));

        String id = reserve(a, v, UUID.randomUUID().toString());
        at(b, "3.27").get(b.url("/attachments/" + id)).then().statusCode(404);
        at(b, "3.27").get(b.url("/attachments?volume_id=" + v)).then().statusCode(200).body("attachments", empty());
        at(b, "3.27").delete(b.url("/attachments/" + id)).then().statusCode(404);
        at(b, "3.27").body("{\"attachment\": {\"connector\": " + CONNECTOR + "}}").put(b.url("/attachments/" + id))
                .then().statusCode(404);
        b.show(v).statusCode(404);
        a.show(v).body("volume.status", equalTo("reserved"));
        at(a, "3.27").get(a.url("/attachments/" + id)).then().statusCode(200);
    }

    @Test
    void theTypesFrontEndQosIsInTheConnectionInfo() {
        Api admin = Api.admin();
        Api a = Api.member();
        String front = qosType(admin, "front-end");
        String back = qosType(admin, "back-end");
        String v = volume(a, ", \"volume_type\": \"" + front + "\"");
        at(a, "3.27").body("{\"attachment\": {\"volume_uuid\": \"" + v + "\", \"instance_uuid\": \"" + UUID.randomUUID()
                        + "\", \"connector\": " + CONNECTOR + "}}").post(a.url("/attachments")).then().statusCode(200)
                .body("attachment.status", equalTo("attaching"))
                .body("attachment.connection_info.data.qos_specs.read_iops_sec", equalTo("3000"))
                .body("attachment.connection_info.data.qos_specs.total_bytes_sec", equalTo("1048576"))
                .body("attachment.connection_info.data.qos_specs.write_iops_sec", equalTo("2000"));
        a.show(v).body("volume.status", equalTo("attaching"));

        String w = volume(a, ", \"volume_type\": \"" + back + "\"");
        a.req().body("{\"os-initialize_connection\": {\"connector\": " + CONNECTOR + "}}")
                .post(a.url("/volumes/" + w + "/action")).then().statusCode(200)
                .body("connection_info.driver_volume_type", equalTo("file"))
                .body("connection_info.data.serial", equalTo(w))
                .body("connection_info.data.qos_specs", nullValue());
    }

    /** A new type with a QoS spec of {@code consumer} (read 3000 IOPS, write 2000 IOPS, 1 MiB/s total); its name. */
    static String qosType(Api admin, String consumer) {
        String name = "t-" + UUID.randomUUID();
        String qos = admin.req().body("{\"qos_specs\": {\"name\": \"q-" + UUID.randomUUID() + "\", \"consumer\": \""
                        + consumer + "\", \"read_iops_sec\": \"3000\", \"write_iops_sec\": \"2000\","
                        + " \"total_bytes_sec\": \"1048576\"}}").post(admin.url("/qos-specs")).then().statusCode(200)
                .extract().path("qos_specs.id");
        String type = admin.req().body("{\"volume_type\": {\"name\": \"" + name + "\"}}").post(admin.url("/types"))
                .then().statusCode(200).extract().path("volume_type.id");
        admin.req().get(admin.url("/qos-specs/" + qos + "/associate?vol_type_id=" + type)).then().statusCode(202);
        return name;
    }

    @Test
    void twoConcurrentReservationsOfOneVolumeLetExactlyOneThrough() throws Exception {
        Api a = Api.member();
        int racers = 8;
        for (int round = 0; round < 3; round++) {
            String v = volume(a, "");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String body = "{\"attachment\": {\"volume_uuid\": \"" + v + "\", \"instance_uuid\": \""
                        + UUID.randomUUID() + "\"}}";
                answers.add(pool.submit(() -> {
                    start.await();
                    return at(a, "3.27").body(body).post(a.url("/attachments")).statusCode();
                }));
            }
            start.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<Integer> f : answers) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else if (status == 400) {
                    refused++;
                }
            }
            pool.shutdown();
            assertEquals(1, ok, "exactly one reservation of volume " + v + " succeeds");
            assertEquals(racers - 1, refused, "the others are refused with 400");
            at(a, "3.27").get(a.url("/attachments?volume_id=" + v)).then().body("attachments", hasSize(1));
            a.show(v).body("volume.status", equalTo("reserved"));
        }
    }

    /**
     * Issue 16: the instance of an attachment must be a server compute-service shows the caller (asked with the caller's
     * token, as Cinder asks Nova): an unknown one and another project's are Cinder's ServerNotFound (404), and nothing
     * is reserved; compute, calling as an admin in the server's project, may name any server.
     */
    @Test
    void theInstanceMustBeAServerTheCallerMaySee() {
        Api a = Api.member();
        Api b = Api.member();
        Api admin = Api.admin();
        String v = volume(a, "");
        UUID missing = UUID.randomUUID();
        FakeComputeServers.MISSING.add(missing);
        UUID others = UUID.randomUUID();
        FakeComputeServers.OWNERS.put(others, b.project());
        UUID own = UUID.randomUUID();
        FakeComputeServers.OWNERS.put(own, a.project());

        for (UUID server : List.of(missing, others)) {
            at(a, "3.27").body("{\"attachment\": {\"volume_uuid\": \"" + v + "\", \"instance_uuid\": \"" + server + "\"}}")
                    .post(a.url("/attachments")).then().statusCode(404)
                    .body("itemNotFound.message", equalTo("Instance " + server + " could not be found."));
            assertEquals(a.project(), FakeComputeServers.ASKED.get(server), "asked with the caller's own token");
            a.req().body("{\"os-attach\": {\"instance_uuid\": \"" + server + "\", \"mountpoint\": \"/dev/vdb\"}}")
                    .post(a.url("/volumes/" + v + "/action")).then().statusCode(404);
        }
        a.show(v).body("volume.status", equalTo("available"));
        at(a, "3.27").get(a.url("/attachments?volume_id=" + v)).then().statusCode(200).body("attachments", empty());

        // the project's own server; the member's connection info has no host path
        String id = reserve(a, v, own.toString());
        at(a, "3.27").body("{\"attachment\": {\"connector\": " + CONNECTOR + "}}").put(a.url("/attachments/" + id))
                .then().statusCode(200).body("attachment.connection_info.data.serial", equalTo(v))
                .body("attachment.connection_info.data", not(hasKey("device_path")));
        at(a, "3.27").get(a.url("/attachments/detail")).then().statusCode(200)
                .body("attachments[0].connection_info.data", not(hasKey("device_path")));
        // an admin (compute-service calls as one) sees the path the hypervisor opens
        at(admin, "3.27").get("/v3/" + a.project() + "/attachments/" + id).then().statusCode(200)
                .body("attachment.connection_info.data.device_path", endsWith("volume-" + v + ".qcow2"))
                .body("attachment.connection_info.data.device_path", startsWith("/"));
        at(a, "3.27").delete(a.url("/attachments/" + id)).then().statusCode(200);

        // an admin may name another project's server (compute reserves in the server's project)
        String w = volume(b, "");
        at(admin, "3.27").body("{\"attachment\": {\"volume_uuid\": \"" + w + "\", \"instance_uuid\": \"" + others + "\"}}")
                .post("/v3/" + b.project() + "/attachments").then().statusCode(200).body("attachment.status", equalTo("reserved"));
    }
}
