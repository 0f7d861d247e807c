package io.strato.volume.types;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.volume.Api;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cinder's volume type encryption specs (admins), and volumes of an encrypted type refused without a key manager. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class EncryptionTypeTest {

    @Test
    void encryptionSpecsAreCreatedShownUpdatedAndDeleted() {
        Api admin = Api.admin();
        String type = admin.req().body("{\"volume_type\": {\"name\": \"enc-" + UUID.randomUUID() + "\"}}")
                .post(admin.url("/types")).then().statusCode(200).extract().path("volume_type.id");
        String url = admin.url("/types/" + type + "/encryption");
        admin.req().get(url).then().statusCode(200).body("$", anEmptyMap());
        admin.req().body("{\"encryption\": {\"key_size\": 256}}").post(url).then().statusCode(400);
        String id = admin.req().body("{\"encryption\": {\"provider\": \"LuksEncryptor\", \"key_size\": 256, \"cipher\": \"aes-xts-plain64\","
                        + " \"control_location\": \"front-end\"}}").post(url).then().statusCode(200)
                .body("encryption.volume_type_id", equalTo(type)).body("encryption.provider", equalTo("LuksEncryptor"))
                .body("encryption.key_size", equalTo(256)).extract().path("encryption.encryption_id");
        admin.req().body("{\"encryption\": {\"provider\": \"again\"}}").post(url).then().statusCode(400);
        admin.req().get(url).then().statusCode(200).body("cipher", equalTo("aes-xts-plain64")).body("deleted", equalTo(false))
                .body("encryption_id", equalTo(id));
        admin.req().body("{\"encryption\": {\"key_size\": 128, \"provider\": \"SomeProvider\", \"control_location\": \"back-end\"}}")
                .put(url + "/" + id).then().statusCode(200).body("encryption.key_size", equalTo(128))
                .body("encryption", not(hasKey("cipher")));
        admin.req().body("{\"encryption\": {\"control_location\": \"elsewhere\"}}").put(url + "/" + id).then().statusCode(400);
        admin.req().get(url + "/cipher").then().statusCode(200).body("cipher", equalTo("aes-xts-plain64"));
        admin.req().get(url + "/provider").then().statusCode(200).body("provider", equalTo("SomeProvider"));

        // no key manager: a volume of the type is refused
        Api a = Api.member();
        a.req().body("{\"volume\": {\"size\": 1, \"volume_type\": \"" + type + "\"}}").post(a.url("/volumes")).then()
                .statusCode(400).body("badRequest.code", equalTo(400));
        a.req().get(a.url("/types/" + type + "/encryption")).then().statusCode(403);

        // as in Cinder, the id in the URL is not checked: the type's one set of specs is meant
        admin.req().delete(url + "/provider").then().statusCode(202);
        admin.req().delete(url + "/" + id).then().statusCode(404);
        admin.req().get(url).then().statusCode(200).body("$", anEmptyMap());
        admin.req().get(admin.url("/types/" + UUID.randomUUID() + "/encryption")).then().statusCode(404);
    }
}
