package io.strato.compute.keypairs;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class KeypairApiTest {
    private final String project = newProject();
    private final String user = "kp-user-" + project;

    private static String body(String name, String publicKey) {
        return "{\"keypair\": {\"name\": \"" + name + "\"" + (publicKey == null ? "" : ", \"public_key\": \""
                + publicKey.replace("\n", "\\n") + "\"") + "}}";
    }

    @Test
    void anImportedKeyHasNovasFingerprintAndBelongsToItsUser() {
        String token = member(user, project);
        as(token).body(body("my-keypair", SshPublicKeyTest.ED25519)).post("/v2.1/os-keypairs").then().statusCode(200)
                .body("keypair.name", equalTo("my-keypair"))
                .body("keypair.fingerprint", equalTo("f5:73:cb:8d:a9:af:f1:05:42:e4:b0:a1:79:01:68:87"))
                .body("keypair.user_id", equalTo(user))
                .body("keypair.public_key", equalTo(SshPublicKeyTest.ED25519))
                .body("keypair", not(org.hamcrest.Matchers.hasKey("private_key")));
        as(token).get("/v2.1/os-keypairs").then().statusCode(200)
                .body("keypairs.keypair.name", equalTo(List.of("my-keypair")))
                .body("keypairs[0].keypair.fingerprint", equalTo("f5:73:cb:8d:a9:af:f1:05:42:e4:b0:a1:79:01:68:87"));
        as(token).get("/v2.1/os-keypairs/my-keypair").then().statusCode(200)
                .body("keypair.user_id", equalTo(user)).body("keypair.deleted", equalTo(false))
                // Nova's integer id, which Tempest's keypair schemas require
                .body("keypair.id", org.hamcrest.Matchers.instanceOf(Integer.class));
        // another user (even of the same project) neither sees it nor collides with its name
        String other = member("kp-other-" + project, project);
        as(other).get("/v2.1/os-keypairs/my-keypair").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Keypair my-keypair not found for user kp-other-" + project));
        as(other).get("/v2.1/os-keypairs").then().statusCode(200).body("keypairs", hasSize(0));
        as(other).body(body("my-keypair", SshPublicKeyTest.RSA)).post("/v2.1/os-keypairs").then().statusCode(200)
                .body("keypair.fingerprint", equalTo("2d:82:b3:0e:b3:b7:9e:5b:e5:c8:ae:9d:d2:f6:51:83"));

        as(token).body(body("my-keypair", SshPublicKeyTest.ECDSA256)).post("/v2.1/os-keypairs").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Key pair 'my-keypair' already exists."));
        as(token).delete("/v2.1/os-keypairs/my-keypair").then().statusCode(202);
        as(token).delete("/v2.1/os-keypairs/my-keypair").then().statusCode(404);
        as(other).get("/v2.1/os-keypairs/my-keypair").then().statusCode(200);
    }

    @Test
    void invalidKeysAndNamesAre400() {
        String token = member(user, project);
        as(token).body(body("bad", "ssh-rsa AAAAnotakey")).post("/v2.1/os-keypairs").then().statusCode(400)
                .body("badRequest.message", equalTo("Keypair data is invalid: failed to generate fingerprint"));
        as(token).body(body("bad/name", SshPublicKeyTest.RSA)).post("/v2.1/os-keypairs").then().statusCode(400)
                .body("badRequest.message", equalTo("Keypair data is invalid: Keypair name contains unsafe characters"));
        as(token).body(body("", SshPublicKeyTest.RSA)).post("/v2.1/os-keypairs").then().statusCode(400);
        as(token).body("{\"keypair\": {\"public_key\": \"x\"}}").post("/v2.1/os-keypairs").then().statusCode(400);
        as(token).body("{\"keypair\": {\"name\": \"k\", \"type\": \"ssh\"}}").post("/v2.1/os-keypairs").then().statusCode(400);
        as(token).get("/v2.1/os-keypairs").then().statusCode(200).body("keypairs", hasSize(0));
    }

    @Test
    void withoutAPublicKeyNovaGeneratesThePair() {
        String token = member(user, project);
        Response r = as(token).body(body("generated", null)).post("/v2.1/os-keypairs");
        r.then().statusCode(200)
                .body("keypair.public_key", startsWith("ssh-rsa "))
                .body("keypair.private_key", startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        String publicKey = r.path("keypair.public_key");
        assertEquals(SshPublicKey.parse(publicKey).fingerprint(), r.path("keypair.fingerprint"));
        as(token).get("/v2.1/os-keypairs/generated").then().statusCode(200)
                .body("keypair.public_key", equalTo(publicKey))
                .body("keypair", not(org.hamcrest.Matchers.hasKey("private_key")));
    }

    @Test
    void theKeyPairsQuotaHoldsUnderConcurrentCreates() throws Exception {
        as(admin()).body("{\"quota_set\": {\"key_pairs\": 3}}").put("/v2.1/os-quota-sets/{p}", project).then().statusCode(200);
        String token = member(user, project);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "race-" + i;
                Callable<Integer> create = () -> as(token).body(body(name, SshPublicKeyTest.ED25519)).post("/v2.1/os-keypairs").statusCode();
                results.add(pool.submit(create));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            assertEquals(3, codes.stream().filter(c -> c == 200).count(), "created: " + codes);
            assertEquals(5, codes.stream().filter(c -> c == 403).count(), "refused: " + codes);
        } finally {
            pool.shutdown();
        }
        as(token).body(body("one-more", SshPublicKeyTest.ED25519)).post("/v2.1/os-keypairs").then().statusCode(403)
                .body("forbidden.message", equalTo("Quota exceeded, too many key pairs."));
        as(token).get("/v2.1/os-keypairs").then().body("keypairs", hasSize(3))
                .body("keypairs.keypair.name", not(hasItem("one-more")));
    }
}
