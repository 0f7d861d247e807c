package io.strato.network;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.TestIdentity;
import java.util.UUID;

/** Request helpers of the network-service API tests: tokens for a fresh project's member, and an admin. */
public final class NetworkApi {
    private NetworkApi() {
    }

    public static String newProject() {
        return "p-" + UUID.randomUUID();
    }

    public static String member(String project) {
        return TestIdentity.token("u-" + project, project, "member", "reader");
    }

    public static String reader(String project) {
        return TestIdentity.token("r-" + project, project, "reader");
    }

    public static String admin() {
        return TestIdentity.token("admin", "admin-project", "admin", "member", "reader");
    }

    public static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }
}
