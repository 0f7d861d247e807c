package io.strato.identity.policies;

import static io.restassured.RestAssured.given;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.projectWithUser;
import static io.strato.identity.support.Keystone.unique;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** /v3/policies: stored policy documents, admin-only writes. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class PolicyDocumentApiTest {

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    @Test
    void createShowUpdateListDelete() {
        String admin = adminToken();
        String type = unique("application/json");
        String id = as(admin).body("{\"policy\":{\"type\":\"" + type + "\",\"blob\":\"{\\\"a\\\": \\\"b\\\"}\"}}")
                .post("/v3/policies").then().statusCode(201).body("policy.type", equalTo(type))
                .body("policy.blob", equalTo("{\"a\": \"b\"}"))
                .extract().path("policy.id");
        as(admin).body("{\"policy\":{\"type\":\"text/x-yaml\"}}").patch("/v3/policies/" + id).then().statusCode(200)
                .body("policy.type", equalTo("text/x-yaml")).body("policy.blob", equalTo("{\"a\": \"b\"}"));
        as(admin).get("/v3/policies/" + id).then().statusCode(200).body("policy.type", equalTo("text/x-yaml"))
                .body("policy.links.self", org.hamcrest.Matchers.endsWith("/v3/policies/" + id));
        as(admin).get("/v3/policies").then().statusCode(200).body("policies.id", hasItem(id));
        as(admin).queryParam("type", "no-such-type").get("/v3/policies").then().statusCode(200)
                .body("policies.id", not(hasItem(id)));
        as(admin).body("{\"policy\":{\"type\":\"x\"}}").post("/v3/policies").then().spec(fault(400));
        as(admin).body("{\"policy\":{\"blob\":\"x\"}}").post("/v3/policies").then().spec(fault(400));

        String user = unique("pu");
        String project = unique("pp");
        projectWithUser(admin, project, user, "pw", "member");
        String member = passwordAuth(user, "pw", project).then().statusCode(201).extract().header("X-Subject-Token");
        as(member).body("{\"policy\":{\"type\":\"x\",\"blob\":\"y\"}}").post("/v3/policies").then().spec(fault(403));
        as(member).delete("/v3/policies/" + id).then().spec(fault(403));

        as(admin).delete("/v3/policies/" + id).then().statusCode(204);
        as(admin).get("/v3/policies/" + id).then().spec(fault(404));
    }

}
