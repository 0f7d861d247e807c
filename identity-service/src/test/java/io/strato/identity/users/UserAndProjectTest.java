package io.strato.identity.users;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.projectWithUser;
import static io.strato.identity.support.Keystone.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** Users and projects through the API, with the RBAC a member runs into. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class UserAndProjectTest {

    @Test
    void duplicateNamesInADomainAre409AndPasswordsAreNeverShown() {
        String admin = adminToken();
        String name = unique("dup");
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"user\":{\"name\":\"" + name + "\",\"password\":\"s3cret\"}}").post("/v3/users")
                .then().statusCode(201).body("user.domain_id", equalTo("default")).body("user.password", nullValue());
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"user\":{\"name\":\"" + name + "\"}}").post("/v3/users")
                .then().spec(fault(409));
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"" + name + "\"}}").post("/v3/projects").then().statusCode(201);
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"" + name + "\"}}").post("/v3/projects").then().spec(fault(409));
    }

    @Test
    void concurrentCreatesOfOneNameGiveOne201AndOnly409s() throws Exception {
        String admin = adminToken();
        String name = unique("race");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                        .body("{\"project\":{\"name\":\"" + name + "\"}}").post("/v3/projects").statusCode()));
            }
            java.util.List<Integer> codes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : answers) {
                codes.add(f.get());
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
            org.junit.jupiter.api.Assertions.assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        given().header("X-Auth-Token", admin).queryParam("name", name).get("/v3/projects")
                .then().statusCode(200).body("projects", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void badBodiesAre400NotServerErrors() {
        String admin = adminToken();
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON).body("{\"user\":").post("/v3/users")
                .then().spec(fault(400));
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON).body("{}").post("/v3/users")
                .then().spec(fault(400, containsString("'user'")));
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"user\":{\"name\":\"x\",\"enabled\":\"maybe\"}}").post("/v3/users").then().spec(fault(400, containsString("'user.enabled': expected a boolean")));
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"\"}}").post("/v3/projects").then().spec(fault(400, containsString("'project.name'")));
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"t\",\"tags\":[\"a,b\"]}}").post("/v3/projects").then().spec(fault(400, containsString("Invalid tag 'a,b'")));
        given().header("X-Auth-Token", admin).get("/v3/users/does-not-exist").then().spec(fault(404))
                .body("error.message", equalTo("Could not find user: does-not-exist."));
        given().header("X-Auth-Token", admin).queryParam("limit", "lots").get("/v3/users").then().spec(fault(400));
    }

    @Test
    void keystoneSchemaRulesNameLengthsStrictBooleansAndEmptyDescriptions() {
        String admin = adminToken();
        String long65 = "a".repeat(65);
        for (String kind : new String[]{"project", "domain", "group"}) {
            given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                    .body("{\"" + kind + "\":{\"name\":\"" + long65 + "\"}}").post("/v3/" + kind + "s")
                    .then().spec(fault(400, containsString("longer than 64")));
        }
        // a user's name may be longer (255), as Keystone's schema
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"user\":{\"name\":\"" + long65 + unique("u") + "\"}}").post("/v3/users")
                .then().statusCode(201);
        // booleans are JSON booleans, never strings or numbers
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"" + unique("b") + "\",\"enabled\":\"False\"}}").post("/v3/projects")
                .then().spec(fault(400, containsString("a boolean")));
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"domain\":{\"name\":\"" + unique("b") + "\",\"enabled\":1}}").post("/v3/domains")
                .then().spec(fault(400));
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"domain\":{\"name\":\"" + unique("d") + "\"}}").post("/v3/domains")
                .then().statusCode(201).body("domain.description", equalTo(""));
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"" + unique("p") + "\"}}").post("/v3/projects")
                .then().statusCode(201).body("project.description", equalTo(""));
    }

    @Test
    void attributesOutsideTheSchemaAreKeptAndShownBack() {
        String admin = adminToken();
        String pid = given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"" + unique("x") + "\"}}").post("/v3/projects").then().statusCode(201)
                .extract().path("project.id");
        String uid = given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"user\":{\"name\":\"" + unique("x") + "\",\"email\":\"a@b.c\",\"project_id\":\"" + pid
                        + "\",\"shoe_size\":44,\"options\":{}}}").post("/v3/users").then().statusCode(201)
                .body("user.project_id", equalTo(pid)).body("user.shoe_size", equalTo(44))
                .body("user.extra", nullValue()).extract().path("user.id");
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"user\":{\"project_id\":\"other\",\"enabled\":false}}").patch("/v3/users/" + uid)
                .then().statusCode(200).body("user.project_id", equalTo("other")).body("user.shoe_size", equalTo(44));
        given().header("X-Auth-Token", admin).get("/v3/users/" + uid).then().statusCode(200)
                .body("user.project_id", equalTo("other")).body("user.email", equalTo("a@b.c"))
                .body("user.enabled", equalTo(false));
    }

    @Test
    void aProjectActingAsADomainIsADomainSeenThroughTheProjectsApi() {
        String admin = adminToken();
        String name = unique("isdom");
        String id = given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"" + name + "\",\"domain_id\":null,\"is_domain\":true}}")
                .post("/v3/projects").then().statusCode(201).body("project.is_domain", equalTo(true))
                .body("project.domain_id", nullValue()).extract().path("project.id");
        given().header("X-Auth-Token", admin).get("/v3/domains/" + id).then().statusCode(200)
                .body("domain.name", equalTo(name));
        given().header("X-Auth-Token", admin).queryParam("is_domain", "true").get("/v3/projects").then().statusCode(200)
                .body("projects.id", hasItem(id)).body("projects.id", hasItem("default"));
        given().header("X-Auth-Token", admin).get("/v3/projects").then().statusCode(200)
                .body("projects.id", not(hasItem(id)));
        given().header("X-Auth-Token", admin).get("/v3/projects/" + id).then().statusCode(200)
                .body("project.is_domain", equalTo(true));
        // deleting needs it disabled first, as a domain
        given().header("X-Auth-Token", admin).delete("/v3/projects/" + id).then().spec(fault(403));
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"enabled\":false}}").patch("/v3/projects/" + id).then().statusCode(200)
                .body("project.enabled", equalTo(false));
        given().header("X-Auth-Token", admin).delete("/v3/projects/" + id).then().statusCode(204);
        given().header("X-Auth-Token", admin).get("/v3/domains/" + id).then().spec(fault(404));
        given().header("X-Auth-Token", admin).get("/v3/projects/" + id).then().spec(fault(404));
    }

    @Test
    void aMemberCannotManageUsersNorSeeAnotherProject() {
        String admin = adminToken();
        String p1 = unique("p1");
        String p2 = unique("p2");
        String u = unique("member");
        String[] ids = projectWithUser(admin, p1, u, "pw", "member");
        String other = given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"" + p2 + "\"}}").post("/v3/projects").then().statusCode(201)
                .extract().path("project.id");
        String member = passwordAuth(u, "pw", p1).then().statusCode(201).extract().header("X-Subject-Token");

        given().header("X-Auth-Token", member).get("/v3/users").then().spec(fault(403));
        given().header("X-Auth-Token", member).contentType(ContentType.JSON)
                .body("{\"user\":{\"name\":\"" + unique("nope") + "\"}}").post("/v3/users").then().spec(fault(403));
        given().header("X-Auth-Token", member).get("/v3/projects/" + other).then().spec(fault(403));
        given().header("X-Auth-Token", member).get("/v3/projects/" + ids[0]).then().statusCode(200)
                .body("project.name", equalTo(p1));
        given().header("X-Auth-Token", member).get("/v3/users/" + ids[1]).then().statusCode(200);
        String reader = given().header("X-Auth-Token", admin).queryParam("name", "reader").get("/v3/roles")
                .then().extract().path("roles[0].id");
        given().header("X-Auth-Token", member).put("/v3/projects/" + other + "/users/" + ids[1] + "/roles/" + reader)
                .then().spec(fault(403));
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheOriginal() throws Exception {
        String admin = adminToken();
        String p = unique("proj");
        String u = unique("user");
        String[] ids = projectWithUser(admin, p, u, "first", "member");
        String token = passwordAuth(u, "first", p).then().statusCode(201).extract().header("X-Subject-Token");
        given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body("{\"user\":{\"password\":\"second\",\"original_password\":\"wrong\"}}")
                .post("/v3/users/" + ids[1] + "/password").then().spec(fault(401));
        given().header("X-Auth-Token", token).contentType(ContentType.JSON)
                .body("{\"user\":{\"password\":\"second\",\"original_password\":\"first\"}}")
                .post("/v3/users/" + ids[1] + "/password").then().statusCode(204);
        passwordAuth(u, "first", p).then().spec(fault(401));
        passwordAuth(u, "second", p).then().statusCode(201);
        // tokens issued before the change are revoked
        given().header("X-Auth-Token", token).get("/v3/auth/projects").then().spec(fault(401));
        // nobody changes another user's password without its original: the same 401 as for an unknown user
        String other = passwordAuth(u, "second", p).then().extract().header("X-Subject-Token");
        given().header("X-Auth-Token", other).contentType(ContentType.JSON)
                .body("{\"user\":{\"password\":\"x\",\"original_password\":\"y\"}}")
                .post("/v3/users/" + given().header("X-Auth-Token", admin).queryParam("name", "admin")
                        .get("/v3/users").then().extract().path("users[0].id") + "/password").then().spec(fault(401));
        given().contentType(ContentType.JSON).body("{\"user\":{\"password\":\"x\",\"original_password\":\"y\"}}")
                .post("/v3/users/no-such-user/password").then().spec(fault(401));
        // as Keystone the call needs no token: the original password is the proof (an expired password's way out)
        given().contentType(ContentType.JSON).body("{\"user\":{\"password\":\"third\",\"original_password\":\"second\"}}")
                .post("/v3/users/" + ids[1] + "/password").then().statusCode(204);
        passwordAuth(u, "third", p).then().statusCode(201);
    }

    @Test
    void projectFiltersTagsAndDelete() {
        String admin = adminToken();
        String name = unique("tagged");
        String id = given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body("{\"project\":{\"name\":\"" + name + "\",\"tags\":[\"blue\",\"web\"]}}").post("/v3/projects")
                .then().statusCode(201).body("project.parent_id", equalTo("default")).extract().path("project.id");
        given().header("X-Auth-Token", admin).queryParam("tags", "blue,web").get("/v3/projects")
                .then().statusCode(200).body("projects.name", hasItem(name));
        given().header("X-Auth-Token", admin).queryParam("not-tags-any", "blue").get("/v3/projects")
                .then().statusCode(200).body("projects.name", not(hasItem(name)));
        given().header("X-Auth-Token", admin).put("/v3/projects/" + id + "/tags/green").then().statusCode(201);
        given().header("X-Auth-Token", admin).get("/v3/projects/" + id + "/tags").then().body("tags", hasItem("green"));
        given().header("X-Auth-Token", admin).delete("/v3/projects/" + id).then().statusCode(204);
        given().header("X-Auth-Token", admin).get("/v3/projects/" + id).then().spec(fault(404));
    }
}
