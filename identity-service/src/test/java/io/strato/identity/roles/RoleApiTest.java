package io.strato.identity.roles;

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
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** /v3/roles, implied roles and /v3/role_inferences as the openstack client drives them. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class RoleApiTest {

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    private static String createRole(String token, String name) {
        return as(token).body("{\"role\":{\"name\":\"" + name + "\"}}").post("/v3/roles")
                .then().statusCode(201).extract().path("role.id");
    }

    @Test
    void crudWithCaseInsensitiveUniquenessPerDomain() {
        String admin = adminToken();
        String name = unique("Role");
        String id = createRole(admin, name);
        as(admin).body("{\"role\":{\"name\":\"" + name.toLowerCase() + "\"}}").post("/v3/roles")
                .then().spec(fault(409));
        String domainRole = as(admin).body("{\"role\":{\"name\":\"" + name + "\",\"domain_id\":\"default\"}}")
                .post("/v3/roles").then().statusCode(201).body("role.domain_id", equalTo("default"))
                .extract().path("role.id");

        as(admin).get("/v3/roles/" + id).then().statusCode(200).body("role.name", equalTo(name))
                .body("role.domain_id", nullValue())
                .body("role.links.self", org.hamcrest.Matchers.endsWith("/v3/roles/" + id));
        as(admin).get("/v3/roles/" + name).then().spec(fault(404))
                .body("error.message", equalTo("Could not find role: " + name + "."));
        as(admin).queryParam("name", name).get("/v3/roles").then().statusCode(200)
                .body("roles", hasSize(1)).body("roles[0].id", equalTo(id));
        as(admin).queryParam("domain_id", "default").get("/v3/roles").then().statusCode(200)
                .body("roles.id", hasItem(domainRole)).body("roles.id", not(hasItem(id)));
        as(admin).get("/v3/roles").then().statusCode(200).body("roles.name", hasItem("admin"))
                .body("roles.id", not(hasItem(domainRole)));

        as(admin).body("{\"role\":{\"description\":\"changed\"}}").patch("/v3/roles/" + id)
                .then().statusCode(200).body("role.description", equalTo("changed")).body("role.name", equalTo(name));
        as(admin).body("{\"role\":{\"name\":\"member\"}}").patch("/v3/roles/" + id).then().spec(fault(409));
        as(admin).body("{}").post("/v3/roles").then().spec(fault(400));
        as(admin).body("{\"role\":{\"name\":\"x\",\"domain_id\":\"nope\"}}").post("/v3/roles").then().spec(fault(404));

        as(admin).delete("/v3/roles/" + id).then().statusCode(204);
        as(admin).get("/v3/roles/" + id).then().spec(fault(404));
        as(admin).delete("/v3/roles/" + domainRole).then().statusCode(204);
    }

    @Test
    void aDomainSpecificRoleIsNotEffectiveItselfButPassesOnWhatItImplies() {
        String admin = adminToken();
        String user = unique("dru");
        String project = unique("drp");
        String[] ids = projectWithUser(admin, project, user, "pw", "reader");
        String domainRole = as(admin).body("{\"role\":{\"name\":\"" + unique("dr") + "\",\"domain_id\":\"default\"}}")
                .post("/v3/roles").then().statusCode(201).extract().path("role.id");
        as(admin).put("/v3/projects/" + ids[0] + "/users/" + ids[1] + "/roles/" + domainRole).then().statusCode(204);
        // listed as a grant, not in the effective list nor in a token
        as(admin).queryParam("scope.project.id", ids[0]).queryParam("user.id", ids[1]).get("/v3/role_assignments")
                .then().statusCode(200).body("role_assignments.role.id", hasItem(domainRole));
        as(admin).queryParam("scope.project.id", ids[0]).queryParam("user.id", ids[1]).queryParam("effective", "")
                .get("/v3/role_assignments").then().statusCode(200)
                .body("role_assignments.role.id", not(hasItem(domainRole)));
        passwordAuth(user, "pw", project).then().statusCode(201).body("token.roles.id", not(hasItem(domainRole)));
        // what it implies is held
        String implied = createRole(admin, unique("via"));
        as(admin).put("/v3/roles/" + domainRole + "/implies/" + implied).then().statusCode(201);
        passwordAuth(user, "pw", project).then().statusCode(201).body("token.roles.id", hasItem(implied))
                .body("token.roles.id", not(hasItem(domainRole)));
    }

    @Test
    void impliedRolesRefuseCyclesAndAdmin() {
        String admin = adminToken();
        String a = createRole(admin, unique("a"));
        String b = createRole(admin, unique("b"));
        String c = createRole(admin, unique("c"));

        as(admin).put("/v3/roles/" + a + "/implies/" + b).then().statusCode(201)
                .body("role_inference.prior_role.id", equalTo(a)).body("role_inference.implies.id", equalTo(b));
        as(admin).put("/v3/roles/" + b + "/implies/" + c).then().statusCode(201);
        as(admin).put("/v3/roles/" + a + "/implies/" + b).then().spec(fault(409));
        as(admin).head("/v3/roles/" + a + "/implies/" + b).then().statusCode(204);
        as(admin).get("/v3/roles/" + a + "/implies/" + b).then().statusCode(200)
                .body("role_inference.implies.id", equalTo(b));
        as(admin).head("/v3/roles/" + a + "/implies/" + c).then().statusCode(404);
        as(admin).get("/v3/roles/" + a + "/implies").then().statusCode(200)
                .body("role_inference.prior_role.id", equalTo(a))
                .body("role_inference.implies.id", equalTo(java.util.List.of(b)));

        as(admin).put("/v3/roles/" + c + "/implies/" + a).then().spec(fault(403));
        as(admin).put("/v3/roles/" + a + "/implies/" + a).then().spec(fault(403));
        String adminRole = as(admin).queryParam("name", "admin").get("/v3/roles").then().extract().path("roles[0].id");
        as(admin).put("/v3/roles/" + c + "/implies/" + adminRole).then().spec(fault(403));
        as(admin).put("/v3/roles/" + a + "/implies/nope").then().spec(fault(404));

        as(admin).get("/v3/role_inferences").then().statusCode(200)
                .body("role_inferences.prior_role.id", hasItem(a))
                .body("role_inferences.find { it.prior_role.id == '" + b + "' }.implies.id", equalTo(java.util.List.of(c)))
                .body("role_inferences.find { it.prior_role.name == 'admin' }.implies.name", hasItem("member"));

        as(admin).delete("/v3/roles/" + a + "/implies/" + b).then().statusCode(204);
        as(admin).head("/v3/roles/" + a + "/implies/" + b).then().statusCode(404);
        as(admin).delete("/v3/roles/" + a + "/implies/" + b).then().spec(fault(404));
        as(admin).delete("/v3/roles/" + c).then().statusCode(204);
        as(admin).get("/v3/roles/" + b + "/implies").then().statusCode(200).body("role_inference.implies", hasSize(0));
    }

    @Test
    void aMemberCannotCreateOrDeleteRoles() {
        String admin = adminToken();
        String user = unique("m");
        String project = unique("p");
        projectWithUser(admin, project, user, "pw", "member");
        String member = passwordAuth(user, "pw", project).then().statusCode(201).extract().header("X-Subject-Token");
        as(member).body("{\"role\":{\"name\":\"" + unique("x") + "\"}}").post("/v3/roles")
                .then().spec(fault(403));
        String r = createRole(admin, unique("victim"));
        as(member).delete("/v3/roles/" + r).then().spec(fault(403));
        as(member).put("/v3/roles/" + r + "/implies/" + r).then().spec(fault(403));
    }
}
