package io.strato.identity.credentials;

import static io.restassured.RestAssured.given;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.projectWithUser;
import static io.strato.identity.support.Keystone.unique;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** /v3/credentials and OS-EC2, as an admin and as the owner. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class CredentialApiTest {

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    private static String ec2Body(String user, String project, String access) {
        return "{\"credential\":{\"user_id\":\"" + user + "\",\"project_id\":\"" + project + "\",\"type\":\"ec2\","
                + "\"blob\":\"{\\\"access\\\": \\\"" + access + "\\\", \\\"secret\\\": \\\"s\\\"}\"}}";
    }

    @Test
    void credentialsCrudWithEc2IdsAndOwnersOnly() {
        String admin = adminToken();
        String user = unique("cu");
        String project = unique("cp");
        String[] ids = projectWithUser(admin, project, user, "pw", "member");
        String access = unique("AK");
        String id = as(admin).body(ec2Body(ids[1], ids[0], access)).post("/v3/credentials").then().statusCode(201)
                .body("credential.user_id", equalTo(ids[1])).body("credential.project_id", equalTo(ids[0]))
                .body("credential.type", equalTo("ec2")).extract().path("credential.id");
        assertEquals(CredentialService.hashAccessKey(access), id, "an ec2 credential's id is the SHA-256 of its access key");
        as(admin).body(ec2Body(ids[1], ids[0], access)).post("/v3/credentials").then().spec(fault(409));
        as(admin).body("{\"credential\":{\"user_id\":\"" + ids[1] + "\",\"type\":\"ec2\",\"blob\":\"not json\"}}")
                .post("/v3/credentials").then().spec(fault(400));
        as(admin).body("{\"credential\":{\"user_id\":\"no-such-user\",\"type\":\"totp\",\"blob\":\"x\"}}")
                .post("/v3/credentials").then().spec(fault(404));

        as(admin).body("{\"credential\":{\"blob\":\"{\\\"access\\\": \\\"new\\\", \\\"secret\\\": \\\"t\\\"}\"}}")
                .patch("/v3/credentials/" + id).then().statusCode(200)
                .body("credential.blob", equalTo("{\"access\": \"new\", \"secret\": \"t\"}"))
                .body("credential.id", equalTo(id));
        String other = as(admin).body("{\"credential\":{\"user_id\":\"" + ids[1] + "\",\"type\":\"cert\",\"blob\":\"pem\"}}")
                .post("/v3/credentials").then().statusCode(201).extract().path("credential.id");

        // the owner sees and manages their own, nobody else's
        String member = passwordAuth(user, "pw", project).then().statusCode(201).extract().header("X-Subject-Token");
        as(member).get("/v3/credentials").then().statusCode(200).body("credentials.id", hasItem(id))
                .body("credentials.id", hasItem(other));
        as(admin).queryParam("type", "cert").queryParam("user_id", ids[1]).get("/v3/credentials").then().statusCode(200)
                .body("credentials.id", equalTo(java.util.List.of(other)));
        String stranger = unique("cs");
        String strangerProject = unique("csp");
        projectWithUser(admin, strangerProject, stranger, "pw", "member");
        String theirs = passwordAuth(stranger, "pw", strangerProject).then().statusCode(201).extract().header("X-Subject-Token");
        as(theirs).get("/v3/credentials/" + id).then().spec(fault(403));
        as(theirs).get("/v3/credentials").then().statusCode(200).body("credentials.id", not(hasItem(id)));
        as(theirs).delete("/v3/credentials/" + id).then().spec(fault(403));

        as(member).delete("/v3/credentials/" + other).then().statusCode(204);
        as(admin).delete("/v3/credentials/" + id).then().statusCode(204);
        as(admin).get("/v3/credentials/" + id).then().spec(fault(404));
    }

    @Test
    void ec2CredentialsOfAUserByAccessKey() {
        String admin = adminToken();
        String user = unique("eu");
        String project = unique("ep");
        String[] ids = projectWithUser(admin, project, user, "pw", "member");
        String member = passwordAuth(user, "pw", project).then().statusCode(201).extract().header("X-Subject-Token");
        String path = "/v3/users/" + ids[1] + "/credentials/OS-EC2";

        var created = as(member).body("{\"tenant_id\":\"" + ids[0] + "\"}").post(path).then().statusCode(201)
                .body("credential.user_id", equalTo(ids[1])).body("credential.tenant_id", equalTo(ids[0]))
                .extract();
        String access = created.path("credential.access");
        String secret = created.path("credential.secret");
        as(member).get(path + "/" + access).then().statusCode(200).body("credential.secret", equalTo(secret))
                .body("credential.tenant_id", equalTo(ids[0]));
        as(member).get(path).then().statusCode(200).body("credentials.access", hasItem(access));
        // it is also a credential of type ec2
        as(admin).get("/v3/credentials/" + CredentialService.hashAccessKey(access)).then().statusCode(200)
                .body("credential.type", equalTo("ec2"));
        as(member).body("{\"tenant_id\":\"no-such-project\"}").post(path).then().spec(fault(404));

        // someone else's: 403 by policy; another user's key under one's own path: 404
        String stranger = unique("es");
        String strangerProject = unique("esp");
        String[] sids = projectWithUser(admin, strangerProject, stranger, "pw", "member");
        String theirs = passwordAuth(stranger, "pw", strangerProject).then().statusCode(201).extract().header("X-Subject-Token");
        as(theirs).get(path + "/" + access).then().spec(fault(403));
        as(theirs).get("/v3/users/" + sids[1] + "/credentials/OS-EC2/" + access).then().spec(fault(404));

        as(member).delete(path + "/" + access).then().statusCode(204);
        as(member).get(path + "/" + access).then().spec(fault(404));
    }

    @Test
    void deletingTheUserDeletesTheirCredentials() {
        String admin = adminToken();
        String[] ids = projectWithUser(admin, unique("dp"), unique("du"), "pw", "member");
        String id = as(admin).body(ec2Body(ids[1], ids[0], unique("AK"))).post("/v3/credentials").then().statusCode(201)
                .extract().path("credential.id");
        as(admin).delete("/v3/users/" + ids[1]).then().statusCode(204);
        as(admin).get("/v3/credentials/" + id).then().spec(fault(404));
    }
}
