package io.strato.identity.assignments;

import static io.restassured.RestAssured.given;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.unique;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** OS-INHERIT: roles inherited by the projects of a domain or below a project. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class InheritedAssignmentTest {

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    private static String create(String admin, String kind, String body) {
        return as(admin).body("{\"" + kind + "\":" + body + "}").post("/v3/" + kind + "s").then().statusCode(201)
                .extract().path(kind + ".id");
    }

    @Test
    void aDomainGrantReachesItsProjectsAndAProjectGrantTheProjectsBelow() {
        String admin = adminToken();
        String domain = create(admin, "domain", "{\"name\":\"" + unique("d") + "\"}");
        String top = create(admin, "project", "{\"name\":\"" + unique("top") + "\",\"domain_id\":\"" + domain + "\"}");
        String leaf = create(admin, "project", "{\"name\":\"" + unique("leaf") + "\",\"domain_id\":\"" + domain
                + "\",\"parent_id\":\"" + top + "\"}");
        String userName = unique("u");
        String user = create(admin, "user", "{\"name\":\"" + userName + "\",\"domain_id\":\"" + domain
                + "\",\"password\":\"pw\"}");
        String role = create(admin, "role", "{\"name\":\"" + unique("r") + "\"}");
        String onDomain = "/v3/OS-INHERIT/domains/" + domain + "/users/" + user + "/roles";

        as(admin).put(onDomain + "/" + role + "/inherited_to_projects").then().statusCode(204);
        as(admin).head(onDomain + "/" + role + "/inherited_to_projects").then().statusCode(204);
        as(admin).get(onDomain + "/inherited_to_projects").then().statusCode(200)
                .body("roles.id", equalTo(java.util.List.of(role)));
        // not a role on the domain itself
        as(admin).head("/v3/domains/" + domain + "/users/" + user + "/roles/" + role).then().statusCode(404);
        // listed as stored with the inheritance marked, and effective on both projects
        as(admin).queryParam("user.id", user).get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments[0].scope.domain.id", equalTo(domain))
                .body("role_assignments[0].scope.'OS-INHERIT:inherited_to'", equalTo("projects"))
                .body("role_assignments[0].links.assignment",
                        org.hamcrest.Matchers.endsWith(onDomain + "/" + role + "/inherited_to_projects"));
        for (String p : new String[]{top, leaf}) {
            as(admin).queryParam("user.id", user).queryParam("scope.project.id", p).queryParam("effective", "")
                    .get("/v3/role_assignments").then().statusCode(200)
                    .body("role_assignments.role.id", equalTo(java.util.List.of(role)))
                    .body("role_assignments[0].scope.project.id", equalTo(p));
        }
        as(admin).queryParam("user.id", user).queryParam("scope.domain.id", domain).queryParam("effective", "")
                .get("/v3/role_assignments").then().statusCode(200).body("role_assignments", empty());
        // a token for the leaf project carries it
        given().contentType(ContentType.JSON).body("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":"
                        + "{\"user\":{\"id\":\"" + user + "\",\"password\":\"pw\"}}},\"scope\":{\"project\":{\"id\":\""
                        + leaf + "\"}}}}").post("/v3/auth/tokens").then().statusCode(201)
                .body("token.roles.id", hasItem(role));
        as(admin).delete(onDomain + "/" + role + "/inherited_to_projects").then().statusCode(204);
        as(admin).queryParam("user.id", user).queryParam("scope.project.id", leaf).queryParam("effective", "")
                .get("/v3/role_assignments").then().statusCode(200).body("role_assignments", empty());

        // on a project: the projects below, not the project itself
        String onTop = "/v3/OS-INHERIT/projects/" + top + "/users/" + user + "/roles/" + role + "/inherited_to_projects";
        as(admin).put(onTop).then().statusCode(204);
        as(admin).head(onTop).then().statusCode(204);
        as(admin).queryParam("user.id", user).queryParam("scope.project.id", leaf).queryParam("effective", "")
                .get("/v3/role_assignments").then().statusCode(200).body("role_assignments.role.id", hasItem(role));
        as(admin).queryParam("user.id", user).queryParam("scope.project.id", top).queryParam("effective", "")
                .get("/v3/role_assignments").then().statusCode(200).body("role_assignments.role.id", not(hasItem(role)));
        as(admin).get("/v3/users/" + user + "/projects").then().statusCode(200).body("projects.id", hasItem(leaf))
                .body("projects.id", not(hasItem(top)));
        as(admin).delete(onTop).then().statusCode(204);
        as(admin).head(onTop).then().statusCode(404);
    }

    @Test
    void groupsInheritToo() {
        String admin = adminToken();
        String project = create(admin, "project", "{\"name\":\"" + unique("gp") + "\"}");
        String child = create(admin, "project", "{\"name\":\"" + unique("gc") + "\",\"parent_id\":\"" + project + "\"}");
        String group = create(admin, "group", "{\"name\":\"" + unique("g") + "\"}");
        String userName = unique("gu");
        String user = create(admin, "user", "{\"name\":\"" + userName + "\",\"password\":\"pw\"}");
        as(admin).put("/v3/groups/" + group + "/users/" + user).then().statusCode(204);
        String role = create(admin, "role", "{\"name\":\"" + unique("gr") + "\"}");
        String grant = "/v3/OS-INHERIT/projects/" + project + "/groups/" + group + "/roles/" + role
                + "/inherited_to_projects";
        as(admin).put(grant).then().statusCode(204);
        as(admin).head(grant).then().statusCode(204);
        as(admin).queryParam("user.id", user).queryParam("scope.project.id", child).queryParam("effective", "")
                .get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments[0].links.membership",
                        org.hamcrest.Matchers.endsWith("/v3/groups/" + group + "/users/" + user));
        passwordAuth(userName, "pw", null).then().statusCode(201);
        as(admin).delete(grant).then().statusCode(204);
        as(admin).put("/v3/OS-INHERIT/projects/" + project + "/groups/no-such-group/roles/" + role
                + "/inherited_to_projects").then().spec(fault(404));
    }
}
