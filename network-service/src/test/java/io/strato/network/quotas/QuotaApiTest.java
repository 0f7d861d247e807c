package io.strato.network.quotas;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.NetworkApi.reader;
import static io.strato.network.networks.Fixtures.network;
import static io.strato.network.networks.Fixtures.port;
import static io.strato.network.networks.Fixtures.subnet;
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

    @Test
    void detailsCountWhatTheProjectUsesForItselfOrAnAdmin() {
        String me = member(project);
        String net = network(me);
        subnet(me, net, "10.0.3.0/24");
        port(me, net);
        port(me, net);
        as(admin()).body("{\"quota\": {\"port\": 7}}").put("/v2.0/quotas/{p}", project).then().statusCode(200);
        // quota_details' path (Tempest's show_quota_details) and the api-ref's details.json answer alike
        for (String path : new String[] {"/v2.0/quotas/{p}/details", "/v2.0/quotas/{p}/details.json"}) {
            as(me).get(path, project).then().statusCode(200)
                    .body("quota.network", equalTo(java.util.Map.of("limit", 100, "used", 1, "reserved", 0)))
                    .body("quota.subnet.used", equalTo(1))
                    .body("quota.port", equalTo(java.util.Map.of("limit", 7, "used", 2, "reserved", 0)))
                    .body("quota.router.used", equalTo(0))
                    .body("quota.security_group.used", equalTo(1)) // the default group, made with the first port
                    .body("quota.security_group_rule.used", equalTo(4))
                    .body("quota.floatingip.limit", equalTo(50));
        }
        // any role of the project reads its own, as Neutron's controller checks the project, not a rule
        as(reader(project)).get("/v2.0/quotas/{p}/details", project).then().statusCode(200).body("quota.port.used", equalTo(2));
        as(admin()).get("/v2.0/quotas/{p}/details", project).then().statusCode(200).body("quota.port.used", equalTo(2));
        as(member(newProject())).get("/v2.0/quotas/{p}/details", project).then().statusCode(403)
                .body("NeutronError.type", equalTo("AdminRequired"))
                .body("NeutronError.message", equalTo(
                        "User does not have admin privileges: Only admin is authorized to access quotas for another project."));
    }
}
