package io.strato.compute.servers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.strato.compute.metadata.MetadataServer;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The metadata API as the network agents' proxies call it: on its own port, the instance named and signed with the
 * shared secret (as Neutron's proxy signs), never reachable with a wrong signature or for another project.
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
}
