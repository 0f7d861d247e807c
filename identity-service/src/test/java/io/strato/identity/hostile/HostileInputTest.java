package io.strato.identity.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.strato.identity.support.Keystone;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/**
 * Regression tests of issue 16's findings that the kit fixes for every service (TokenShape, NulInput,
 * FaultMappers' data exceptions), checked here on identity: each answered 500 before.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class HostileInputTest {

    @Test
    void aTokenThatCannotBeAJwtIsNoTokenAt401() {
        for (String token : new String[] {".", "..", "a..b", "...", " ", "a.b.c.", "x"}) {
            given().header("X-Auth-Token", token).get("/v3/projects").then()
                    .statusCode(401)
                    .body("error.code", equalTo(401))
                    .body("error.message", equalTo("The request you have made requires authentication."));
        }
        // a public route answers as without a token
        given().header("X-Auth-Token", "..").get("/v3").then().statusCode(200);
    }

    @Test
    void aNulInThePathOrTheQueryIsA400() {
        String admin = Keystone.adminToken();
        given().header("X-Auth-Token", admin).urlEncodingEnabled(false).get("/v3/projects/%00").then()
                .statusCode(400).body("error.code", equalTo(400))
                .body("error.message", containsString("NUL"));
        given().header("X-Auth-Token", admin).urlEncodingEnabled(false).get("/v3/projects?name=a%00b").then()
                .statusCode(400).body("error.code", equalTo(400))
                .body("error.message", containsString("'name'"));
        given().header("X-Auth-Token", admin).urlEncodingEnabled(false).get("/v3/projects?name=ab").then()
                .statusCode(200);
    }

    @Test
    void aNulInAJsonStringIsA400AndNothingIsCreated() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("nul");
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\": {\"name\": \"" + name + "\", \"description\": \"a\\u0000b\"}}")
                .post("/v3/projects").then()
                .statusCode(400).body("error.code", equalTo(400))
                .body("error.message", containsString("NUL"))
                .body("error.message", not(containsString("UTF8")));
        given().header("X-Auth-Token", admin).queryParam("name", name).get("/v3/projects").then()
                .statusCode(200).body("projects.size()", equalTo(0));
    }

    @Test
    void aNumberOrABooleanIsNotAString() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("typed");
        for (String body : new String[] {
                "{\"project\": {\"name\": 5}}",
                "{\"project\": {\"name\": \"" + name + "\", \"description\": 1.5}}",
                "{\"role\": {\"name\": true}}",
                "{\"group\": {\"name\": \"" + name + "\", \"description\": 1.5}}",
                "{\"user\": {\"name\": \"" + name + "\", \"password\": 5}}"}) {
            String collection = "/v3/" + body.substring(2, body.indexOf('"', 2)) + "s";
            given().header("X-Auth-Token", admin).contentType(ContentType.JSON).body(body).post(collection).then()
                    .statusCode(400).body("error.code", equalTo(400))
                    .body("error.message", containsString("expected a string"));
        }
        given().header("X-Auth-Token", admin).queryParam("name", name).get("/v3/users").then()
                .statusCode(200).body("users.size()", equalTo(0));
    }

    @Test
    void aBodyOverOpenStacksLimitIsA413BeforeItIsRead() {
        String admin = Keystone.adminToken();
        String name = Keystone.unique("big");
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\": {\"name\": \"" + name + "\", \"description\": \"" + "x".repeat(120 * 1024) + "\"}}")
                .post("/v3/projects").then()
                .statusCode(413).body("error.code", equalTo(413))
                .body("error.message", containsString("at most 114688 bytes"));
        given().header("X-Auth-Token", admin).queryParam("name", name).get("/v3/projects").then()
                .statusCode(200).body("projects.size()", equalTo(0));
    }
}
