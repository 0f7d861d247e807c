package io.strato.compute.quotas;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static io.strato.compute.catalog.CatalogApi.reader;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code openstack quota show/set}, {@code openstack limits show --absolute}, for compute's resources. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class QuotaApiTest {
    private final String project = newProject();

    @Inject
    DataSource db;

    @Test
    void aProjectStartsWithNovasDefaults() {
        as(member(project)).get("/v2.1/os-quota-sets/{p}", project).then().statusCode(200)
                .body("quota_set.id", equalTo(project))
                .body("quota_set.instances", equalTo(10))
                .body("quota_set.cores", equalTo(20))
                .body("quota_set.ram", equalTo(51200))
                .body("quota_set.key_pairs", equalTo(100))
                .body("quota_set.server_groups", equalTo(10))
                .body("quota_set.server_group_members", equalTo(10))
                .body("quota_set.metadata_items", equalTo(128))
                .body("quota_set.injected_files", equalTo(5))
                .body("quota_set.floating_ips", equalTo(10))
                .body("quota_set.fixed_ips", equalTo(-1));
        as(member(project)).get("/v2.1/os-quota-sets/{p}/defaults", project).then().statusCode(200)
                .body("quota_set.instances", equalTo(10)).body("quota_set.id", equalTo(project));
    }

    @Test
    void adminSetsAndResetsLimitsAsOpenstackQuotaSetDoes() {
        // novaclient below 2.57 sends the changed resources only
        as(admin()).body("{\"quota_set\": {\"instances\": 3, \"cores\": -1}}").put("/v2.1/os-quota-sets/{p}", project)
                .then().statusCode(200).body("quota_set.instances", equalTo(3)).body("quota_set.cores", equalTo(-1))
                .body("quota_set.ram", equalTo(51200));
        as(member(project)).get("/v2.1/os-quota-sets/{p}", project).then().statusCode(200).body("quota_set.instances", equalTo(3));
        as(reader(project)).get("/v2.1/limits").then().statusCode(200)
                .body("limits.absolute.maxTotalInstances", equalTo(3))
                .body("limits.absolute.maxTotalCores", equalTo(-1));
        as(admin()).delete("/v2.1/os-quota-sets/{p}", project).then().statusCode(202);
        as(member(project)).get("/v2.1/os-quota-sets/{p}", project).then().statusCode(200).body("quota_set.instances", equalTo(10));
    }

    @Test
    void membersCannotChangeQuotasOrReadOtherProjects() {
        as(member(project)).body("{\"quota_set\": {\"instances\": 100}}").put("/v2.1/os-quota-sets/{p}", project)
                .then().statusCode(403).body("forbidden.message", containsString("os_compute_api:os-quota-sets:update"));
        as(member(project)).get("/v2.1/os-quota-sets/{p}", newProject()).then().statusCode(403);
        as(member(project)).get("/v2.1/os-quota-sets/{p}/detail", newProject()).then().statusCode(403);
        as(member(project)).delete("/v2.1/os-quota-sets/{p}", project).then().statusCode(403);
        as(member(project)).get("/v2.1/limits?tenant_id={p}", newProject()).then().statusCode(403);
    }

    @Test
    void badLimitsAre400() {
        as(admin()).body("{\"quota_set\": {\"instances\": -2}}").put("/v2.1/os-quota-sets/{p}", project).then().statusCode(400);
        as(admin()).body("{\"quota_set\": {\"instances\": \"many\"}}").put("/v2.1/os-quota-sets/{p}", project).then().statusCode(400);
        as(admin()).body("{\"quota_set\": {\"widgets\": 1}}").put("/v2.1/os-quota-sets/{p}", project).then().statusCode(400)
                .body("badRequest.message", containsString("widgets"));
        as(admin()).body("{\"quota_set\": ").put("/v2.1/os-quota-sets/{p}", project).then().statusCode(400);
        as(admin()).body("{\"quota_set\": {\"instances\": 1}}").put("/v2.1/os-quota-sets/{p}?user_id=u", project).then().statusCode(400);
    }

    @Test
    void usageIsCountedFromServersAndALimitBelowItNeedsForce() {
        CatalogRows rows = new CatalogRows(db);
        rows.server(project, 2, 4096, "active", null);
        rows.server(project, 4, 8192, "stopped", null);
        rows.server(project, 8, 16384, "error", null);   // never got a host: gives its quota back
        rows.server(project, 8, 16384, "deleted", null); // gone
        as(member(project)).get("/v2.1/limits").then().statusCode(200)
                .body("limits.absolute.totalInstancesUsed", equalTo(2))
                .body("limits.absolute.totalCoresUsed", equalTo(6))
                .body("limits.absolute.totalRAMUsed", equalTo(12288))
                .body("limits.absolute.maxTotalRAMSize", equalTo(51200))
                .body("limits.absolute.maxTotalKeypairs", equalTo(100))
                .body("limits.absolute.maxServerGroups", equalTo(10))
                .body("limits.absolute.maxServerGroupMembers", equalTo(10))
                .body("limits.rate.size()", equalTo(0));
        as(member(project)).get("/v2.1/os-quota-sets/{p}/detail", project).then().statusCode(200)
                .body("quota_set.instances.in_use", equalTo(2))
                .body("quota_set.instances.limit", equalTo(10))
                .body("quota_set.instances.reserved", equalTo(0))
                .body("quota_set.cores.in_use", equalTo(6));
        as(admin()).get("/v2.1/limits?tenant_id={p}", project).then().statusCode(200)
                .body("limits.absolute.totalInstancesUsed", equalTo(2));

        as(admin()).body("{\"quota_set\": {\"instances\": 1}}").put("/v2.1/os-quota-sets/{p}", project).then().statusCode(400)
                .body("badRequest.message", equalTo("Quota limit 1 for instances must be greater than or equal to already used and reserved 2."));
        as(admin()).body("{\"quota_set\": {\"instances\": 2}}").put("/v2.1/os-quota-sets/{p}", project).then().statusCode(200);
        as(admin()).body("{\"quota_set\": {\"instances\": 1, \"force\": true}}").put("/v2.1/os-quota-sets/{p}", project)
                .then().statusCode(200).body("quota_set.instances", equalTo(1));
    }
}
