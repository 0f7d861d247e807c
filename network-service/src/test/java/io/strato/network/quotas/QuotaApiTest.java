package io.strato.network.quotas;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import org.junit.jupiter.api.Test;

/** {@code openstack quota show/set} for the network resources, and who may do what. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class QuotaApiTest {
    private final String project = newProject();

    @Test
    void aProjectStartsWithTheDefaults() {
        as(member(project)).get("/v2.0/quotas/{p}", project).then().statusCode(200)
                .body("quota.network", equalTo(100))
                .body("quota.port", equalTo(500))
                .body("quota.security_group_rule", equalTo(100));
        as(member(project)).get("/v2.0/quotas/{p}/default", project).then().statusCode(200)
                .body("quota.floatingip", equalTo(50));
    }

    @Test
    void adminSetsAndResetsAProjectsLimits() {
        as(admin()).body("{\"quota\": {\"network\": 3, \"port\": -1}}").put("/v2.0/quotas/{p}", project)
                .then().statusCode(200).body("quota.network", equalTo(3)).body("quota.port", equalTo(-1))
                .body("quota.subnet", equalTo(100));
        as(member(project)).get("/v2.0/quotas/{p}", project).then().statusCode(200).body("quota.network", equalTo(3));
        as(admin()).get("/v2.0/quotas").then().statusCode(200).body("quotas.project_id", hasItem(project));
        as(member(project)).get("/v2.0/quotas/{p}/details.json", project).then().statusCode(200)
                .body("quota.network.limit", equalTo(3)).body("quota.network.used", equalTo(0));
        as(admin()).delete("/v2.0/quotas/{p}", project).then().statusCode(204);
        as(member(project)).get("/v2.0/quotas/{p}", project).then().statusCode(200).body("quota.network", equalTo(100));
    }

    @Test
    void aMemberCannotChangeQuotasOrReadAnotherProjects() {
        as(member(project)).body("{\"quota\": {\"network\": 1000}}").put("/v2.0/quotas/{p}", project)
                .then().statusCode(403).body("NeutronError.type", equalTo("PolicyNotAuthorized"));
        as(member(project)).get("/v2.0/quotas/{p}", newProject()).then().statusCode(403);
    }

    @Test
    void badLimitsAre400() {
        as(admin()).body("{\"quota\": {\"network\": -2}}").put("/v2.0/quotas/{p}", project).then().statusCode(400)
                .body("NeutronError.type", equalTo("InvalidInput"));
        as(admin()).body("{\"quota\": {\"network\": \"many\"}}").put("/v2.0/quotas/{p}", project).then().statusCode(400);
        as(admin()).body("{\"quota\": {\"widgets\": 1}}").put("/v2.0/quotas/{p}", project).then().statusCode(400)
                .body("NeutronError.message", containsString("widgets"));
        as(admin()).body("{\"quota\": ").put("/v2.0/quotas/{p}", project).then().statusCode(400);
        // the typed body keeps Neutron's messages
        as(admin()).body("{\"quota\": {\"network\": \"many\"}}").put("/v2.0/quotas/{p}", project).then().statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for operation: '\"many\"' is not an integer for quota network."));
        as(admin()).body("{\"quota\": {\"widgets\": 1, \"network\": 3}}").put("/v2.0/quotas/{p}", project).then().statusCode(400)
                .body("NeutronError.message", equalTo("Unrecognized attribute(s) 'widgets'"));
        as(admin()).body("{\"limits\": {\"network\": 3}}").put("/v2.0/quotas/{p}", project).then().statusCode(400)
                .body("NeutronError.message", equalTo("Resource body required: the request body must be {\"quota\": {...}}."));
    }
}
