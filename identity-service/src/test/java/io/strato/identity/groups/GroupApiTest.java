package io.strato.identity.groups;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.projectWithUser;
import static io.strato.identity.support.Keystone.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** /v3/groups and memberships, as `openstack group ...` drives them. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class GroupApiTest {

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    static String createGroup(String token, String name) {
        return as(token).body("{\"group\":{\"name\":\"" + name + "\"}}").post("/v3/groups")
                .then().statusCode(201).body("group.domain_id", equalTo("default")).extract().path("group.id");
    }

    static String createUser(String token, String name) {
        return as(token).body("{\"user\":{\"name\":\"" + name + "\",\"password\":\"pw\"}}").post("/v3/users")
                .then().statusCode(201).extract().path("user.id");
    }

    @Test
    void crudWithUniqueNamesPerDomain() {
        String admin = adminToken();
        String name = unique("grp");
        String id = createGroup(admin, name);
        as(admin).body("{\"group\":{\"name\":\"" + name + "\",\"domain_id\":\"default\"}}").post("/v3/groups")
                .then().spec(fault(409));
        as(admin).get("/v3/groups/" + id).then().statusCode(200).body("group.name", equalTo(name));
        as(admin).get("/v3/groups/" + name).then().spec(fault(404));
        as(admin).queryParam("name", name).get("/v3/groups").then().statusCode(200)
                .body("groups", hasSize(1)).body("groups[0].id", equalTo(id));
        as(admin).queryParam("domain_id", "default").get("/v3/groups").then().statusCode(200)
                .body("groups.id", hasItem(id));
        as(admin).body("{\"group\":{\"description\":\"ops\"}}").patch("/v3/groups/" + id).then().statusCode(200)
                .body("group.description", equalTo("ops"));
        as(admin).body("{\"group\":{\"name\":\"\"}}").post("/v3/groups").then().spec(fault(400));
        as(admin).body("{\"group\":{\"name\":\"x\",\"domain_id\":\"nope\"}}").post("/v3/groups").then().spec(fault(404));
        as(admin).delete("/v3/groups/" + id).then().statusCode(204);
        as(admin).get("/v3/groups/" + id).then().spec(fault(404));
    }

    @Test
    void membershipAddCheckListRemove() {
        String admin = adminToken();
        String g = createGroup(admin, unique("grp"));
        String u = createUser(admin, unique("usr"));

        as(admin).head("/v3/groups/" + g + "/users/" + u).then().statusCode(404);
        as(admin).put("/v3/groups/" + g + "/users/" + u).then().statusCode(204);
        as(admin).put("/v3/groups/" + g + "/users/" + u).then().statusCode(204);
        as(admin).head("/v3/groups/" + g + "/users/" + u).then().statusCode(204);
        as(admin).get("/v3/groups/" + g + "/users/" + u).then().statusCode(204);
        as(admin).get("/v3/groups/" + g + "/users").then().statusCode(200)
                .body("users.id", equalTo(java.util.List.of(u))).body("users[0].password", equalTo(null));
        as(admin).get("/v3/users/" + u + "/groups").then().statusCode(200).body("groups.id", equalTo(java.util.List.of(g)));
        as(admin).put("/v3/groups/" + g + "/users/nope").then().spec(fault(404));
        as(admin).put("/v3/groups/nope/users/" + u).then().spec(fault(404));

        as(admin).delete("/v3/groups/" + g + "/users/" + u).then().statusCode(204);
        as(admin).head("/v3/groups/" + g + "/users/" + u).then().statusCode(404);
        as(admin).delete("/v3/groups/" + g + "/users/" + u).then().spec(fault(404));
        as(admin).get("/v3/users/" + u + "/groups").then().statusCode(200).body("groups", hasSize(0));
    }

    @Test
    void aMemberListsOwnGroupsOnlyAndCannotManageGroups() {
        String admin = adminToken();
        String user = unique("m");
        String project = unique("p");
        String[] ids = projectWithUser(admin, project, user, "pw", "member");
        String g = createGroup(admin, unique("grp"));
        String other = createUser(admin, unique("other"));
        as(admin).put("/v3/groups/" + g + "/users/" + ids[1]).then().statusCode(204);
        String member = passwordAuth(user, "pw", project).then().statusCode(201).extract().header("X-Subject-Token");

        as(member).get("/v3/users/" + ids[1] + "/groups").then().statusCode(200).body("groups.id", hasItem(g));
        as(member).get("/v3/users/" + other + "/groups").then().spec(fault(403));
        as(member).body("{\"group\":{\"name\":\"" + unique("no") + "\"}}").post("/v3/groups").then().spec(fault(403));
        as(member).put("/v3/groups/" + g + "/users/" + other).then().spec(fault(403));
        as(admin).head("/v3/groups/" + g + "/users/" + other).then().statusCode(404);
    }

    @Test
    void leavingAGroupRevokesTheUsersTokens() {
        String admin = adminToken();
        String user = unique("m");
        String project = unique("p");
        String[] ids = projectWithUser(admin, project, user, "pw", "member");
        String g = createGroup(admin, unique("grp"));
        as(admin).put("/v3/groups/" + g + "/users/" + ids[1]).then().statusCode(204);
        String token = passwordAuth(user, "pw", project).then().statusCode(201).extract().header("X-Subject-Token");
        as(token).get("/v3/users/" + ids[1] + "/groups").then().statusCode(200);

        as(admin).delete("/v3/groups/" + g + "/users/" + ids[1]).then().statusCode(204);
        as(token).get("/v3/users/" + ids[1] + "/groups").then().spec(fault(401));
        as(admin).get("/v3/groups").then().statusCode(200).body("groups.id", hasItem(g))
                .body("groups.id", not(hasItem("nope")));
    }
}
