package io.strato.identity.assignments;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.projectWithUser;
import static io.strato.identity.support.Keystone.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grants and /v3/role_assignments, as `openstack role add/remove/assignment list` drive them. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class AssignmentApiTest {

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    private static String roleId(String admin, String name) {
        return as(admin).queryParam("name", name).get("/v3/roles").then().statusCode(200)
                .extract().path("roles[0].id");
    }

    private static String create(String admin, String kind, String json) {
        return as(admin).body("{\"" + kind + "\":" + json + "}").post("/v3/" + kind + "s")
                .then().statusCode(201).extract().path(kind + ".id");
    }

    @Test
    void grantListCheckAndRevokeOnAProject() {
        String admin = adminToken();
        String projectName = unique("p");
        String userName = unique("u");
        String p = create(admin, "project", "{\"name\":\"" + projectName + "\"}");
        String u = create(admin, "user", "{\"name\":\"" + userName + "\",\"password\":\"pw\"}");
        String member = roleId(admin, "member");
        String grant = "/v3/projects/" + p + "/users/" + u + "/roles/" + member;

        as(admin).head(grant).then().statusCode(404);
        as(admin).put(grant).then().statusCode(204);
        as(admin).put(grant).then().statusCode(204);
        as(admin).head(grant).then().statusCode(204);
        as(admin).get(grant).then().statusCode(204);
        as(admin).get("/v3/projects/" + p + "/users/" + u + "/roles").then().statusCode(200)
                .body("roles.name", equalTo(List.of("member")));

        as(admin).queryParam("user.id", u).queryParam("scope.project.id", p).queryParam("include_names", "True")
                .get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments", hasSize(1))
                .body("role_assignments[0].role.name", equalTo("member"))
                .body("role_assignments[0].user.name", equalTo(userName))
                .body("role_assignments[0].user.domain.name", equalTo("Default"))
                .body("role_assignments[0].scope.project.name", equalTo(projectName))
                .body("role_assignments[0].scope.project.domain.id", equalTo("default"))
                .body("role_assignments[0].links.assignment", endsWith(grant))
                .body("role_assignments[0].keySet()", equalTo(Set.of("role", "user", "scope", "links")))
                .body("role_assignments[0].role.keySet()", equalTo(Set.of("id", "name")))
                .body("role_assignments[0].user.keySet()", equalTo(Set.of("id", "name", "domain")))
                .body("role_assignments[0].user.domain.keySet()", equalTo(Set.of("id", "name")))
                .body("role_assignments[0].scope.keySet()", equalTo(Set.of("project")))
                .body("role_assignments[0].scope.project.keySet()", equalTo(Set.of("id", "name", "domain")))
                .body("role_assignments[0].links.keySet()", equalTo(Set.of("assignment")))
                .body("links.self", endsWith("/v3/role_assignments"));
        as(admin).queryParam("user.id", u).get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments[0].role.id", equalTo(member))
                .body("role_assignments[0].scope.project.id", equalTo(p))
                .body("role_assignments[0].role.name", equalTo(null))
                .body("role_assignments[0].keySet()", equalTo(Set.of("role", "user", "scope", "links")))
                .body("role_assignments[0].role.keySet()", equalTo(Set.of("id")))
                .body("role_assignments[0].user.keySet()", equalTo(Set.of("id")))
                .body("role_assignments[0].scope.project.keySet()", equalTo(Set.of("id")));

        String token = passwordAuth(userName, "pw", projectName).then().statusCode(201)
                .body("token.roles.name", containsInAnyOrder("member", "reader")).extract().header("X-Subject-Token");
        as(admin).delete(grant).then().statusCode(204);
        as(admin).head(grant).then().statusCode(404);
        as(admin).delete(grant).then().spec(fault(404));
        as(token).get("/v3/users/" + u + "/groups").then().spec(fault(401));
        as(admin).get("/v3/projects/" + p + "/users/" + u + "/roles").then().statusCode(200).body("roles", hasSize(0));
    }

    @Test
    void unknownProjectUserGroupOrRoleIs404() {
        String admin = adminToken();
        String p = create(admin, "project", "{\"name\":\"" + unique("p") + "\"}");
        String u = create(admin, "user", "{\"name\":\"" + unique("u") + "\"}");
        String reader = roleId(admin, "reader");
        as(admin).put("/v3/projects/nope/users/" + u + "/roles/" + reader).then().spec(fault(404))
                .body("error.message", equalTo("Could not find project: nope."));
        as(admin).put("/v3/projects/" + p + "/users/nope/roles/" + reader).then().spec(fault(404));
        as(admin).put("/v3/projects/" + p + "/groups/nope/roles/" + reader).then().spec(fault(404));
        as(admin).put("/v3/projects/" + p + "/users/" + u + "/roles/nope").then().spec(fault(404))
                .body("error.message", equalTo("Could not find role: nope."));
        as(admin).put("/v3/domains/nope/users/" + u + "/roles/" + reader).then().spec(fault(404));
        as(admin).queryParam("group.id", "g").queryParam("effective", "").get("/v3/role_assignments")
                .then().spec(fault(400, "Combining effective and group filter will always result in an empty list."));
    }

    @Test
    void effectiveAssignmentsExpandGroupsAndImpliedRoles() {
        String admin = adminToken();
        String projectName = unique("p");
        String userName = unique("u");
        String p = create(admin, "project", "{\"name\":\"" + projectName + "\"}");
        String u = create(admin, "user", "{\"name\":\"" + userName + "\",\"password\":\"pw\"}");
        String g = create(admin, "group", "{\"name\":\"" + unique("g") + "\"}");
        String member = roleId(admin, "member");
        String reader = roleId(admin, "reader");
        as(admin).put("/v3/groups/" + g + "/users/" + u).then().statusCode(204);
        as(admin).put("/v3/projects/" + p + "/groups/" + g + "/roles/" + member).then().statusCode(204);

        as(admin).queryParam("user.id", u).get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments", hasSize(0));
        as(admin).queryParam("group.id", g).get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments", hasSize(1)).body("role_assignments[0].group.id", equalTo(g))
                .body("role_assignments[0].keySet()", equalTo(Set.of("role", "group", "scope", "links")));
        as(admin).queryParam("user.id", u).queryParam("effective", "True").get("/v3/role_assignments")
                .then().statusCode(200)
                .body("role_assignments", hasSize(2))
                .body("role_assignments.role.id", equalTo(List.of(member, reader)))
                .body("role_assignments.user.id", equalTo(List.of(u, u)))
                .body("role_assignments[0].links.membership", endsWith("/v3/groups/" + g + "/users/" + u))
                .body("role_assignments[0].links.assignment", endsWith("/v3/projects/" + p + "/groups/" + g + "/roles/" + member))
                .body("role_assignments[1].links.prior_role", endsWith("/v3/roles/" + member))
                .body("role_assignments[0].links.keySet()", equalTo(Set.of("assignment", "membership")))
                .body("role_assignments[1].links.keySet()", equalTo(Set.of("assignment", "membership", "prior_role")));
        as(admin).queryParam("scope.project.id", p).queryParam("effective", "").queryParam("role.id", reader)
                .get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments.user.id", equalTo(List.of(u)));

        passwordAuth(userName, "pw", projectName).then().statusCode(201)
                .body("token.roles.name", containsInAnyOrder("member", "reader"));
        as(admin).get("/v3/users/" + u + "/projects").then().statusCode(200).body("projects.id", hasItem(p));

        as(admin).delete("/v3/groups/" + g).then().statusCode(204);
        as(admin).queryParam("scope.project.id", p).get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments", hasSize(0));
    }

    @Test
    void domainAndSystemGrants() {
        String admin = adminToken();
        String u = create(admin, "user", "{\"name\":\"" + unique("u") + "\"}");
        String reader = roleId(admin, "reader");
        as(admin).put("/v3/domains/default/users/" + u + "/roles/" + reader).then().statusCode(204);
        as(admin).put("/v3/system/users/" + u + "/roles/" + reader).then().statusCode(204);
        as(admin).head("/v3/system/users/" + u + "/roles/" + reader).then().statusCode(204);
        as(admin).get("/v3/system/users/" + u + "/roles").then().statusCode(200).body("roles.name", equalTo(List.of("reader")));
        as(admin).get("/v3/domains/default/users/" + u + "/roles").then().statusCode(200).body("roles.id", equalTo(List.of(reader)));

        as(admin).queryParam("user.id", u).queryParam("scope.system", "all").get("/v3/role_assignments")
                .then().statusCode(200).body("role_assignments", hasSize(1))
                .body("role_assignments[0].scope.system.all", equalTo(true))
                .body("role_assignments[0].scope.keySet()", equalTo(Set.of("system")))
                .body("role_assignments[0].scope.system.keySet()", equalTo(Set.of("all")))
                .body("role_assignments[0].links.assignment", endsWith("/v3/system/users/" + u + "/roles/" + reader));
        as(admin).queryParam("user.id", u).queryParam("scope.domain.id", "default").queryParam("include_names", "")
                .get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments[0].scope.domain.name", equalTo("Default"))
                .body("role_assignments[0].scope.domain.keySet()", equalTo(Set.of("id", "name")));

        String g = create(admin, "group", "{\"name\":\"" + unique("g") + "\"}");
        as(admin).put("/v3/system/groups/" + g + "/roles/" + reader).then().statusCode(204);
        as(admin).put("/v3/domains/default/groups/" + g + "/roles/" + reader).then().statusCode(204);
        as(admin).queryParam("group.id", g).get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments", hasSize(2));
        as(admin).delete("/v3/system/groups/" + g + "/roles/" + reader).then().statusCode(204);
        as(admin).delete("/v3/domains/default/groups/" + g + "/roles/" + reader).then().statusCode(204);

        as(admin).delete("/v3/system/users/" + u + "/roles/" + reader).then().statusCode(204);
        as(admin).delete("/v3/domains/default/users/" + u + "/roles/" + reader).then().statusCode(204);
        as(admin).queryParam("user.id", u).get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments", hasSize(0));
    }

    @Test
    void deletingARoleRemovesItsAssignments() {
        String admin = adminToken();
        String p = create(admin, "project", "{\"name\":\"" + unique("p") + "\"}");
        String u = create(admin, "user", "{\"name\":\"" + unique("u") + "\"}");
        String r = create(admin, "role", "{\"name\":\"" + unique("r") + "\"}");
        as(admin).put("/v3/projects/" + p + "/users/" + u + "/roles/" + r).then().statusCode(204);
        as(admin).delete("/v3/roles/" + r).then().statusCode(204);
        as(admin).queryParam("user.id", u).get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments", hasSize(0));
    }

    @Test
    void aMemberCannotGrantButReadsNothingItShouldNot() {
        String admin = adminToken();
        String user = unique("m");
        String project = unique("p");
        String[] ids = projectWithUser(admin, project, user, "pw", "member");
        String member = passwordAuth(user, "pw", project).then().statusCode(201).extract().header("X-Subject-Token");
        String adminRole = roleId(admin, "admin");
        as(member).put("/v3/projects/" + ids[0] + "/users/" + ids[1] + "/roles/" + adminRole)
                .then().spec(fault(403));
        as(member).put("/v3/system/users/" + ids[1] + "/roles/" + adminRole).then().spec(fault(403));
        as(member).get("/v3/role_assignments").then().spec(fault(403));
        as(admin).queryParam("user.id", ids[1]).get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments.role.id", not(hasItem(adminRole)));
    }
}
