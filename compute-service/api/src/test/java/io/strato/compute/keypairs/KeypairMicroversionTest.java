package io.strato.compute.keypairs;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.strato.compute.api.Microversion;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** os-keypairs at the microversions that changed it: 2.2 (type, 201/204), 2.10 (user_id), 2.35 (paging), 2.92. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class KeypairMicroversionTest {
    static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIDDzCCAfegAwIBAgIUSny5sTr3lhkUQ+vGZ7Rv+YcdRSQwDQYJKoZIhvcNAQEL\nBQAwFjEUMBIGA1UEAwwLc3RyYXRvLXRlc3QwIBcNMjYxMjA1MTQzNTA3WhgPMjEy\nNjExMTExNDM1MDdaMBYxFDASBgNVBAMMC3N0cmF0by10ZXN0MIIBIjANBgkqhkiG\n9w0BAQEFAAOCAQ8AMIIBCgKCAQEA08c41ykKjTe3P/w5LNdS1KoMc/8WrfmE76Bp\nNPMb6FDUiuTSFm0DvJVdZAJwpNxR0XiOnAaNx6ik0LWGACCJfgGmavVdDQpJwqds\nwTVnkGpuMZaEx9Q0GITMZRqka0lS7N8Ljkjq5EbG/G/L4w5LWFNsSsB+Feicgq5r\nL6a1BT7ilmvKvMXka3k15c8VtJXzQNm7uI6A39IvgBZQct6swVSacDnUdvVCls2f\n8NXaNRv9ojrnWXKO5WMjeqsPb1R4QY9RQf/6fAIpsOUGuzCOmPa7OlNMS+o17OLL\n4VblNsN8HwdwAL+NbpfuSNcd896VR6XDhb4Gstd7audT7sriYQIDAQABo1MwUTAd\nBgNVHQ4EFgQUWlSK5ozOVTbxFgUZQSMYCifrgU4wHwYDVR0jBBgwFoAUWlSK5ozO\nVTbxFgUZQSMYCifrgU4wDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOC\nAQEArK4peE90zjwrLa9Ox08UfBh2bt2G4g30jyxrf5nvdvSMkSsCSkg1hjbWzrkb\nSIZZP72yVE7jgtnDxGS9QKQTqL+VjGKRfEliw6AVJNhPEdsLNmtq/1LH1moesWPu\nljxi8reO8bu0PDKcYu8lipb43qOhk8xeEAYNSxiiLzADMuv8gcJR71P5bykIGdka\nmkL1Szw3TotU6TOEspitf0ANOhVwlMkQXWjleMvv2mr2N8gsfith18vS6QnPXFEU\nloFR8tUMgJKM48hj4sFJNFPkbYuD0cwNDb0JbTGLJ3CboxgIN8QJc304aBg5322r\nD7+/jRSL8UbfKeBSQNhR5JeH4w==\n-----END CERTIFICATE-----\n";
    private final String project = newProject();
    private final String user = "kp-mv-" + project;

    private static RequestSpecification at(String token, int minor) {
        Assumptions.assumeTrue(Microversion.MAX.atLeast(minor), "2." + minor + " is not served");
        return as(token).header("OpenStack-API-Version", "compute 2." + minor);
    }

    private static String body(String name, String publicKey, String extra) {
        return "{\"keypair\": {\"name\": \"" + name + "\"" + (publicKey == null ? "" : ", \"public_key\": \""
                + publicKey.replace("\n", "\\n") + "\"") + (extra == null ? "" : ", " + extra) + "}}";
    }

    @Test
    void from22KeyPairsHaveATypeAndCreateAndDeleteAnswer201And204() {
        String token = member(user, project);
        at(token, 2).body(body("typed", SshPublicKeyTest.ED25519, null)).post("/v2.1/os-keypairs").then().statusCode(201)
                .body("keypair.type", equalTo("ssh"));
        at(token, 2).body(body("cert", CERT, "\"type\": \"x509\"")).post("/v2.1/os-keypairs").then().statusCode(201)
                .body("keypair.type", equalTo("x509"))
                .body("keypair.fingerprint", equalTo("dd:35:a8:3f:82:51:61:3a:e2:9b:0e:dd:ee:46:9c:65:8e:df:3f:92"));
        at(token, 2).body(body("bad", SshPublicKeyTest.ED25519, "\"type\": \"pgp\"")).post("/v2.1/os-keypairs").then()
                .statusCode(400);
        // without a public key Nova generates the pair: for x509 a self-signed certificate and its RSA key
        at(token, 2).body(body("gen-x509", null, "\"type\": \"x509\"")).post("/v2.1/os-keypairs").then().statusCode(201)
                .body("keypair.type", equalTo("x509"))
                .body("keypair.public_key", startsWith("-----BEGIN CERTIFICATE-----"))
                .body("keypair.private_key", startsWith("-----BEGIN RSA PRIVATE KEY-----"))
                .body("keypair.fingerprint", matchesPattern("([0-9a-f]{2}:){19}[0-9a-f]{2}"));
        at(token, 2).get("/v2.1/os-keypairs").then().statusCode(200)
                .body("keypairs.keypair.type", equalTo(List.of("x509", "x509", "ssh")));
        at(token, 2).get("/v2.1/os-keypairs/cert").then().statusCode(200).body("keypair.type", equalTo("x509"));
        as(token).get("/v2.1/os-keypairs/cert").then().statusCode(200).body("keypair", not(hasKey("type")));
        at(token, 2).delete("/v2.1/os-keypairs/cert").then().statusCode(204);
        as(token).body(body("at21", SshPublicKeyTest.ED25519, "\"type\": \"ssh\"")).post("/v2.1/os-keypairs").then()
                .statusCode(400);
    }

    @Test
    void from210AnAdminManagesAnotherUsersKeyPairs() {
        String token = member(user, project);
        at(admin(), 10).body(body("for-user", SshPublicKeyTest.ED25519, "\"user_id\": \"" + user + "\""))
                .post("/v2.1/os-keypairs").then().statusCode(201).body("keypair.user_id", equalTo(user));
        as(token).get("/v2.1/os-keypairs/for-user").then().statusCode(200);
        at(admin(), 10).queryParam("user_id", user).get("/v2.1/os-keypairs").then().statusCode(200)
                .body("keypairs.keypair.name", equalTo(List.of("for-user")));
        at(token, 10).queryParam("user_id", "someone-else").get("/v2.1/os-keypairs").then().statusCode(403);
        at(token, 10).body(body("theirs", SshPublicKeyTest.ED25519, "\"user_id\": \"someone-else\""))
                .post("/v2.1/os-keypairs").then().statusCode(403);
        at(admin(), 10).queryParam("user_id", user).delete("/v2.1/os-keypairs/for-user").then().statusCode(204);
        as(token).get("/v2.1/os-keypairs/for-user").then().statusCode(404);
    }

    @Test
    void from235TheListIsPagedByName() {
        String token = member(user, project);
        for (String n : List.of("c", "a", "b")) {
            at(token, 2).body(body(n, SshPublicKeyTest.ED25519, null)).post("/v2.1/os-keypairs").then().statusCode(201);
        }
        at(token, 35).queryParam("limit", 2).get("/v2.1/os-keypairs").then().statusCode(200)
                .body("keypairs.keypair.name", equalTo(List.of("a", "b")))
                .body("keypairs_links[0].href", endsWith("/v2.1/os-keypairs?limit=2&marker=b"));
        at(token, 35).queryParam("limit", 2).queryParam("marker", "b").get("/v2.1/os-keypairs").then().statusCode(200)
                .body("keypairs.keypair.name", equalTo(List.of("c")))
                .body("$", not(hasKey("keypairs_links")));
        at(token, 35).queryParam("marker", "nope").get("/v2.1/os-keypairs").then().statusCode(400);
        as(token).queryParam("limit", 1).get("/v2.1/os-keypairs").then().body("keypairs", hasSize(3));
    }

    @Test
    void from292APublicKeyIsRequiredAndNamesMayHaveAtAndDot() {
        String token = member(user, project);
        at(token, 92).body(body("gen", null, null)).post("/v2.1/os-keypairs").then().statusCode(400);
        at(token, 92).body(body("me@example.com", SshPublicKeyTest.ED25519, null)).post("/v2.1/os-keypairs").then()
                .statusCode(201);
        at(token, 2).body(body("me@example.org", SshPublicKeyTest.ED25519, null)).post("/v2.1/os-keypairs").then()
                .statusCode(400);
    }
}
