package io.strato.identity.oauth1;

import static io.restassured.RestAssured.given;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** /v3/OS-OAUTH1/consumers: the secret is shown once, on create, and cannot be set. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class ConsumerApiTest {

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    @Test
    void createShowUpdateListDelete() {
        String admin = adminToken();
        String id = as(admin).body("{\"consumer\":{\"description\":\"first\"}}").post("/v3/OS-OAUTH1/consumers")
                .then().statusCode(201).body("consumer.description", equalTo("first"))
                .body("consumer.secret", notNullValue()).extract().path("consumer.id");
        as(admin).get("/v3/OS-OAUTH1/consumers/" + id).then().statusCode(200)
                .body("consumer.description", equalTo("first")).body("consumer", not(hasKey("secret")))
                .body("consumer.links.self", org.hamcrest.Matchers.endsWith("/v3/OS-OAUTH1/consumers/" + id));
        as(admin).body("{\"consumer\":{\"description\":\"second\"}}").patch("/v3/OS-OAUTH1/consumers/" + id)
                .then().statusCode(200).body("consumer.description", equalTo("second"));
        as(admin).body("{\"consumer\":{\"secret\":\"mine\"}}").patch("/v3/OS-OAUTH1/consumers/" + id)
                .then().spec(fault(400));
        as(admin).get("/v3/OS-OAUTH1/consumers").then().statusCode(200).body("consumers.id", hasItem(id))
                .body("consumers[0]", not(hasKey("secret")));
        as(admin).delete("/v3/OS-OAUTH1/consumers/" + id).then().statusCode(204);
        as(admin).get("/v3/OS-OAUTH1/consumers/" + id).then().spec(fault(404));
        as(admin).delete("/v3/OS-OAUTH1/consumers/" + id).then().spec(fault(404));
    }
}
