package io.strato.compute.servers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.strato.compute.metadata.MetadataServer;
import io.strato.compute.protocol.Commands;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The metadata API as the network agents' proxies call it: on its own port, the instance named and signed with the
 * shared secret (as Neutron's proxy signs), never reachable with a wrong signature or for another project; and the
 * config drive of a server that asks for one, which carries the same documents.
 */
@QuarkusTest
@ServersInfra
class MetadataApiTest extends ServerTestBase {

    static final String SECRET = "strato-local-metadata-secret";

    @Inject
    MetadataServer metadata;

    static String sign(String secret, String id) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    }

    RequestSpecification proxy(UUID server, String secret, String tenant) throws Exception {
        return given().baseUri("http://127.0.0.1").port(metadata.port())
                .header("X-Instance-ID", server.toString())
                .header("X-Instance-ID-Signature", sign(secret, server.toString()))
                .header("X-Tenant-ID", tenant)
                .header("X-Forwarded-For", "10.0.2.5");
    }

    @Test
    void anInstanceReadsItsNameKeyAndUserData() throws Exception {
        world.keypair(user, "mykey");
        UUID id = UUID.fromString(create(member, body("Web Server 01", "\"key_name\": \"mykey\", "
                + "\"user_data\": \"IyEvYmluL3NoCmVjaG8gaGk=\", \"metadata\": {\"role\": \"web\"}"))
                .then().statusCode(202).extract().path("server.id"));

        proxy(id, SECRET, project).get("/openstack/latest/meta_data.json").then().statusCode(200)
                .contentType("application/json")
                .body("uuid", equalTo(id.toString()))
                .body("name", equalTo("Web Server 01"))
                .body("hostname", equalTo("web-server-01"))
                .body("project_id", equalTo(project))
                .body("meta.role", equalTo("web"))
                .body("public_keys.mykey", containsString("ssh-ed25519"))
                .body("keys[0].type", equalTo("ssh"));
        proxy(id, SECRET, project).get("/openstack/latest/user_data").then().statusCode(200)
                .body(equalTo("#!/bin/sh\necho hi"));
        proxy(id, SECRET, project).get("/latest/meta-data/public-keys/0/openssh-key").then().statusCode(200)
                .body(containsString("ssh-ed25519"));
        proxy(id, SECRET, project).get("/latest/meta-data/hostname").then().statusCode(200).body(equalTo("web-server-01"));
        proxy(id, SECRET, project).get("/latest/meta-data/instance-id").then().statusCode(200).body(equalTo(id.toString()));
        proxy(id, SECRET, project).get("/openstack").then().statusCode(200).body(containsString("latest"));
        proxy(id, SECRET, project).get("/openstack/latest/network_data.json").then().statusCode(200)
                .body("links", org.hamcrest.Matchers.notNullValue());
        proxy(id, SECRET, project).get("/openstack/latest/nothing-here").then().statusCode(404);
    }

    @Test
    void aWrongSignatureAnotherProjectOrAnUnknownInstanceGetNothing() throws Exception {
        UUID id = createAccepted("s1");
        proxy(id, "not-the-secret", project).get("/openstack/latest/meta_data.json").then().statusCode(403);
        proxy(id, SECRET, "another-project").get("/openstack/latest/meta_data.json").then().statusCode(404);
        proxy(UUID.randomUUID(), SECRET, project).get("/openstack/latest/meta_data.json").then().statusCode(404);
        given().baseUri("http://127.0.0.1").port(metadata.port()).get("/openstack/latest/meta_data.json")
                .then().statusCode(400);
        // without user_data there is none to read
        proxy(id, SECRET, project).get("/openstack/latest/user_data").then().statusCode(404);
    }

    @Test
    void itsMetricsNameRequestsByRouteTemplateNeverByRawPath() throws Exception {
        UUID id = createAccepted("metrics");
        List<String> madeUp = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String x = UUID.randomUUID().toString();
            madeUp.add(x);
            given().baseUri("http://127.0.0.1").port(metadata.port()).get("/made-up/" + x).then().statusCode(400);
            proxy(id, "not-the-secret", project).get("/openstack/" + x + "/meta_data.json").then().statusCode(403);
            proxy(id, SECRET, project).get("/latest/meta-data/" + x).then().statusCode(404);
            proxy(id, SECRET, project).post("/" + x).then().statusCode(404);
        }
        proxy(id, SECRET, project).get("/openstack/latest/meta_data.json").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String x : madeUp) {
            assertTrue(!metrics.contains(x), "a made-up path is in /q/metrics: " + x);
        }
        assertTrue(metrics.contains("uri=\"/openstack/{version}/meta_data.json\""), "the template of a document");
        assertTrue(metrics.contains("uri=\"/UNKNOWN\""), "made-up paths refused before any document is looked up");
    }

    @Test
    void aServerWithConfigDriveTrueSpawnsWithTheMetadataApisOwnDocumentsOnTheDrive() throws Exception {
        world.keypair(user, "drivekey");
        UUID id = UUID.fromString(create(member, body("Drive Box", "\"config_drive\": true, \"key_name\": \"drivekey\", "
                + "\"user_data\": \"IyEvYmluL3NoCmVjaG8gaGk=\""))
                .then().statusCode(202).extract().path("server.id"));

        JsonNode drive = awaitSpawn(id).command().path("config_drive");
        Map<String, byte[]> files = new ObjectMapper().treeToValue(drive, Commands.ConfigDrive.class).decode();
        for (String path : List.of("openstack/latest/meta_data.json", "openstack/latest/network_data.json",
                "openstack/latest/user_data", "openstack/latest/vendor_data2.json", "openstack/2012-08-10/meta_data.json",
                "openstack/2015-10-15/network_data.json")) {
            byte[] served = proxy(id, SECRET, project).get("/" + path).then().statusCode(200).extract().asByteArray();
            assertArrayEquals(served, files.get(path), path + ": the drive holds what the metadata API serves");
        }
        assertEquals("#!/bin/sh\necho hi", new String(files.get("ec2/latest/user-data"), StandardCharsets.UTF_8));
        assertTrue(new String(files.get("ec2/latest/meta-data.json"), StandardCharsets.UTF_8).contains(id.toString()));
        as(member).get(SERVERS + "/" + id).then().statusCode(200).body("server.config_drive", equalTo("True"));
    }

    @Test
    void aServerWithoutConfigDriveSpawnsWithoutOne() {
        UUID id = createAccepted("no-drive");
        assertTrue(awaitSpawn(id).command().path("config_drive").isNull());
        as(member).get(SERVERS + "/" + id).then().statusCode(200).body("server.config_drive", equalTo(""));
    }
}
