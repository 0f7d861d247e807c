package io.strato.compute.catalog;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.TestIdentity;
import java.util.UUID;

/** Requests to the compute API as test users (tokens with the implied roles identity would put in). */
public final class CatalogApi {
    private CatalogApi() {
    }

    public static String newProject() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static String admin() {
        return TestIdentity.token("admin-user", "admin-project", "admin", "member", "reader");
    }

    public static String member(String project) {
        return TestIdentity.token("user-" + project, project, "member", "reader");
    }

    public static String member(String user, String project) {
        return TestIdentity.token(user, project, "member", "reader");
    }

    public static String reader(String project) {
        return TestIdentity.token("reader-" + project, project, "reader");
    }

    public static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    /** At microversion 2.{@code minor}. */
    public static RequestSpecification as(String token, int minor) {
        return as(token).header("OpenStack-API-Version", "compute 2." + minor);
    }
}
