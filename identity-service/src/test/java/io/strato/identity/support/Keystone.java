package io.strato.identity.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;

/** Small helpers for driving the Keystone API in tests, as a client would. */
public final class Keystone {
    public static final String ADMIN_PASSWORD = "test-admin-secret";

    private Keystone() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** POST /v3/auth/tokens with a password, scoped to a project by name in the Default domain. */
    public static Response passwordAuth(String user, String password, String project) {
        String scope = project == null ? "" : ",\"scope\":{\"project\":{\"name\":\"" + project
                + "\",\"domain\":{\"id\":\"default\"}}}";
        return given().contentType(ContentType.JSON)
                .body("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                        + "\",\"domain\":{\"name\":\"Default\"},\"password\":\"" + password + "\"}}}" + scope + "}}")
                .post("/v3/auth/tokens");
    }

    public static String adminToken() {
        return passwordAuth("admin", ADMIN_PASSWORD, "admin").then().statusCode(201).extract().header("X-Subject-Token");
    }

    /** Creates a project and a user holding {@code role} on it; returns {projectId, userId}. */
    public static String[] projectWithUser(String admin, String project, String user, String password, String role) {
        String pid = given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"" + project + "\",\"domain_id\":\"default\"}}")
                .post("/v3/projects").then().statusCode(201).extract().path("project.id");
        String uid = given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"user\":{\"name\":\"" + user + "\",\"domain_id\":\"default\",\"password\":\"" + password + "\"}}")
                .post("/v3/users").then().statusCode(201).extract().path("user.id");
        String rid = given().header("X-Auth-Token", admin).queryParam("name", role).get("/v3/roles")
                .then().statusCode(200).extract().path("roles[0].id");
        given().header("X-Auth-Token", admin).put("/v3/projects/" + pid + "/users/" + uid + "/roles/" + rid)
                .then().statusCode(204);
        return new String[]{pid, uid};
    }
}
