package io.strato.compute.hosts;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** os-hypervisors, os-services and os-availability-zone over compute_host rows as agents' reports leave them. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class HostApiTest {
    @Inject
    DataSource db;

    private String live;
    private String dead;
    private String zone;

    @BeforeEach
    void hosts() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        live = "live-" + run;
        dead = "dead-" + run;
        zone = "zone-" + run;
        CatalogRows rows = new CatalogRows(db);
        rows.host(live, zone, 32, 65536, 500, Instant.now());
        rows.host(dead, zone, 16, 32768, 200, Instant.now().minus(Duration.ofMinutes(5)));
        rows.update("UPDATE compute_host SET vcpus_used = 4, memory_mb_used = 8192, local_gb_used = 40, running_vms = 2 WHERE host = ?", live);
    }

    private JsonPath hypervisors(String path) {
        return as(admin()).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void hypervisorStateFollowsHeartbeats() {
        JsonPath list = hypervisors("/v2.1/os-hypervisors");
        assertEquals("up", list.getString("hypervisors.find { it.hypervisor_hostname == '" + live + "' }.state"));
        assertEquals("down", list.getString("hypervisors.find { it.hypervisor_hostname == '" + dead + "' }.state"));
        assertEquals("enabled", list.getString("hypervisors.find { it.hypervisor_hostname == '" + live + "' }.status"));

        JsonPath detail = hypervisors("/v2.1/os-hypervisors/detail");
        String h = "hypervisors.find { it.hypervisor_hostname == '" + live + "' }";
        assertEquals(32, detail.getInt(h + ".vcpus"));
        assertEquals(4, detail.getInt(h + ".vcpus_used"));
        assertEquals(65536, detail.getInt(h + ".memory_mb"));
        assertEquals(57344, detail.getInt(h + ".free_ram_mb"));
        assertEquals(460, detail.getInt(h + ".free_disk_gb"));
        assertEquals(2, detail.getInt(h + ".running_vms"));
        assertEquals("QEMU", detail.getString(h + ".hypervisor_type"));
        assertEquals("192.0.2.1", detail.getString(h + ".host_ip"));
        assertEquals(live, detail.getString(h + ".service.host"));
        assertEquals(0, detail.getInt(h + ".current_workload"));
        assertEquals("{\"arch\": \"x86_64\"}", detail.getString(h + ".cpu_info"));
        int id = detail.getInt(h + ".id");

        as(admin()).get("/v2.1/os-hypervisors/{id}", id).then().statusCode(200)
                .body("hypervisor.hypervisor_hostname", equalTo(live)).body("hypervisor.state", equalTo("up"));
        as(admin()).get("/v2.1/os-hypervisors/{id}", 999999).then().statusCode(404);
        // what openstack hypervisor show reads besides: no uptime (501, which it skips)
        as(admin()).get("/v2.1/os-hypervisors/{id}/uptime", id).then().statusCode(501).body("notImplemented.code", equalTo(501));
        as(admin()).get("/v2.1/os-hypervisors/{id}", "nope").then().statusCode(404);
        as(admin()).get("/v2.1/os-hypervisors/{p}/search", "live-").then().statusCode(200)
                .body("hypervisors.hypervisor_hostname", hasItem(live))
                .body("hypervisors.hypervisor_hostname", not(hasItem(dead)));
        as(admin()).get("/v2.1/os-hypervisors/{p}/search", "no-such-host").then().statusCode(404);

        // statistics sum every hypervisor
        List<Map<String, Object>> all = detail.getList("hypervisors");
        as(admin()).get("/v2.1/os-hypervisors/statistics").then().statusCode(200)
                .body("hypervisor_statistics.count", equalTo(all.size()))
                .body("hypervisor_statistics.vcpus", equalTo(all.stream().mapToInt(m -> (Integer) m.get("vcpus")).sum()))
                .body("hypervisor_statistics.running_vms", equalTo(all.stream().mapToInt(m -> (Integer) m.get("running_vms")).sum()));
    }

    @Test
    void onlyAdminsSeeHypervisorsAndServices() {
        String token = member(newProject());
        as(token).get("/v2.1/os-hypervisors").then().statusCode(403);
        as(token).get("/v2.1/os-hypervisors/detail").then().statusCode(403);
        as(token).get("/v2.1/os-hypervisors/statistics").then().statusCode(403);
        as(token).get("/v2.1/os-services").then().statusCode(403);
        as(token).get("/v2.1/os-aggregates").then().statusCode(403);
        as(token).body("{\"host\": \"" + live + "\", \"binary\": \"nova-compute\"}").put("/v2.1/os-services/disable").then().statusCode(403);
        as(token).get("/v2.1/os-availability-zone/detail").then().statusCode(403);
        as(token).get("/v2.1/os-availability-zone").then().statusCode(200).body("availabilityZoneInfo.zoneName", hasItem(zone));
    }

    @Test
    void disablingAServiceDisablesItsHostForTheScheduler() {
        as(admin()).get("/v2.1/os-services?host={h}", live).then().statusCode(200)
                .body("services.size()", equalTo(1))
                .body("services[0].binary", equalTo("nova-compute"))
                .body("services[0].zone", equalTo(zone))
                .body("services[0].state", equalTo("up"))
                .body("services[0].status", equalTo("enabled"));
        as(admin()).get("/v2.1/os-services?host={h}", dead).then().body("services[0].state", equalTo("down"));

        as(admin()).body("{\"host\": \"" + live + "\", \"binary\": \"nova-compute\", \"disabled_reason\": \"maintenance\"}")
                .put("/v2.1/os-services/disable-log-reason").then().statusCode(200)
                .body("service.status", equalTo("disabled")).body("service.disabled_reason", equalTo("maintenance"));
        CatalogRows rows = new CatalogRows(db);
        assertEquals(1, rows.count("SELECT count(*) FROM compute_host WHERE host = ? AND NOT enabled", live));
        as(admin()).get("/v2.1/os-services?host={h}", live).then().body("services[0].status", equalTo("disabled"))
                .body("services[0].disabled_reason", equalTo("maintenance"));
        as(admin()).get("/v2.1/os-hypervisors").then()
                .body("hypervisors.find { it.hypervisor_hostname == '" + live + "' }.status", equalTo("disabled"));
        as(admin()).body("{\"host\": \"" + live + "\", \"binary\": \"nova-compute\"}").put("/v2.1/os-services/enable")
                .then().statusCode(200).body("service.status", equalTo("enabled"));
        assertEquals(1, rows.count("SELECT count(*) FROM compute_host WHERE host = ? AND enabled AND disabled_reason IS NULL", live));
        as(admin()).body("{\"host\": \"" + live + "\", \"binary\": \"nova-compute\"}").put("/v2.1/os-services/disable")
                .then().statusCode(200).body("service.status", equalTo("disabled"));

        as(admin()).body("{\"host\": \"nowhere\", \"binary\": \"nova-compute\"}").put("/v2.1/os-services/disable").then().statusCode(404);
        as(admin()).body("{\"host\": \"" + live + "\", \"binary\": \"nova-scheduler\"}").put("/v2.1/os-services/disable").then().statusCode(404);
        as(admin()).body("{\"host\": \"" + live + "\"}").put("/v2.1/os-services/disable").then().statusCode(400);
        // force-down needs 2.11
        String down = "{\"host\": \"" + live + "\", \"binary\": \"nova-compute\", \"forced_down\": true}";
        as(admin()).body(down).put("/v2.1/os-services/force-down").then().statusCode(404);
        as(admin()).header("OpenStack-API-Version", "compute 2.11").body(down).put("/v2.1/os-services/force-down")
                .then().statusCode(200).body("service.forced_down", equalTo(true)).body("service.host", equalTo(live));
        as(admin()).header("OpenStack-API-Version", "compute 2.11").get("/v2.1/os-services?host={h}", live).then()
                .body("services[0].forced_down", equalTo(true)).body("services[0].state", equalTo("down"));
        as(admin()).get("/v2.1/os-services?host={h}", live).then().body("services[0]", not(hasKey("forced_down")));
        as(admin()).header("OpenStack-API-Version", "compute 2.11")
                .body(down.replace("true", "false")).put("/v2.1/os-services/force-down").then().statusCode(200)
                .body("service.forced_down", equalTo(false));
        as(member(newProject())).header("OpenStack-API-Version", "compute 2.11").body(down)
                .put("/v2.1/os-services/force-down").then().statusCode(403);
    }

    @Test
    void aServiceWithServersCannotBeDeleted() {
        CatalogRows rows = new CatalogRows(db);
        rows.server(newProject(), 1, 512, "active", live);
        int liveId = as(admin()).get("/v2.1/os-services?host={h}", live).then().extract().path("services[0].id");
        int deadId = as(admin()).get("/v2.1/os-services?host={h}", dead).then().extract().path("services[0].id");
        as(admin()).delete("/v2.1/os-services/{id}", liveId).then().statusCode(409);
        as(admin()).delete("/v2.1/os-services/{id}", deadId).then().statusCode(204);
        as(admin()).get("/v2.1/os-services?host={h}", dead).then().body("services.size()", equalTo(0));
        as(admin()).delete("/v2.1/os-services/{id}", deadId).then().statusCode(404);
    }

    @Test
    void zonesAreAvailableWhileAHostInThemIsEnabled() {
        as(admin()).get("/v2.1/os-availability-zone").then().statusCode(200)
                .body("availabilityZoneInfo.find { it.zoneName == '" + zone + "' }.zoneState.available", equalTo(true))
                .body("availabilityZoneInfo.find { it.zoneName == '" + zone + "' }.hosts", nullValue());
        as(admin()).get("/v2.1/os-availability-zone/detail").then().statusCode(200)
                .body("availabilityZoneInfo.find { it.zoneName == '" + zone + "' }.hosts.'" + live + "'.nova-compute.available", equalTo(true))
                .body("availabilityZoneInfo.find { it.zoneName == '" + zone + "' }.hosts.'" + dead + "'.nova-compute.available", equalTo(false))
                .body("availabilityZoneInfo.find { it.zoneName == '" + zone + "' }.hosts.'" + dead + "'.nova-compute.active", equalTo(true));
        new CatalogRows(db).update("UPDATE compute_host SET enabled = false WHERE availability_zone = ?", zone);
        as(admin()).get("/v2.1/os-availability-zone").then().statusCode(200)
                .body("availabilityZoneInfo.find { it.zoneName == '" + zone + "' }.zoneState.available", equalTo(false));
    }

    @Test
    void from228CpuInfoIsAnObjectAndFrom233TheListIsPaged() {
        int liveId = as(admin()).get("/v2.1/os-services?host={h}", live).then().extract().path("services[0].id");
        as(admin()).get("/v2.1/os-hypervisors/{id}", liveId).then().body("hypervisor.cpu_info", equalTo("{\"arch\": \"x86_64\"}"));
        as(admin()).header("OpenStack-API-Version", "compute 2.28").get("/v2.1/os-hypervisors/{id}", liveId).then()
                .body("hypervisor.cpu_info.arch", equalTo("x86_64"));
        JsonPath first = as(admin()).header("OpenStack-API-Version", "compute 2.33")
                .get("/v2.1/os-hypervisors/detail?limit=1").then().statusCode(200).extract().jsonPath();
        assertEquals(1, first.getList("hypervisors").size());
        String next = first.getString("hypervisors_links[0].href");
        org.junit.jupiter.api.Assertions.assertTrue(next.contains("marker=" + first.getInt("hypervisors[0].id")), next);
        int second = as(admin()).header("OpenStack-API-Version", "compute 2.33")
                .get("/v2.1/os-hypervisors?limit=1&marker=" + first.getInt("hypervisors[0].id")).then().statusCode(200)
                .extract().path("hypervisors[0].id");
        org.junit.jupiter.api.Assertions.assertTrue(second > first.getInt("hypervisors[0].id"));
        as(admin()).header("OpenStack-API-Version", "compute 2.33").get("/v2.1/os-hypervisors?marker=999999999")
                .then().statusCode(400);
        as(admin()).get("/v2.1/os-hypervisors?limit=1").then().body("$", not(hasKey("hypervisors_links")));
    }

    @Test
    void from253HostsHaveUuidsAndServicesChangeByThem() {
        JsonPath v253 = as(admin()).header("OpenStack-API-Version", "compute 2.53")
                .get("/v2.1/os-services?host={h}", live).then().statusCode(200).extract().jsonPath();
        String uuid = v253.getString("services[0].id");
        java.util.UUID.fromString(uuid);
        as(admin()).header("OpenStack-API-Version", "compute 2.53")
                .body("{\"status\": \"disabled\", \"disabled_reason\": \"patching\"}").put("/v2.1/os-services/" + uuid)
                .then().statusCode(200).body("service.status", equalTo("disabled"))
                .body("service.disabled_reason", equalTo("patching")).body("service.id", equalTo(uuid))
                .body("service.forced_down", equalTo(false));
        as(admin()).header("OpenStack-API-Version", "compute 2.53").body("{\"disabled_reason\": \"x\"}")
                .put("/v2.1/os-services/" + uuid).then().statusCode(400);
        as(admin()).header("OpenStack-API-Version", "compute 2.53").body("{\"status\": \"enabled\"}")
                .put("/v2.1/os-services/" + uuid).then().statusCode(200).body("service.status", equalTo("enabled"))
                .body("service.disabled_reason", nullValue());
        as(admin()).header("OpenStack-API-Version", "compute 2.53").body("{\"host\": \"" + live + "\", \"binary\": \"nova-compute\"}")
                .put("/v2.1/os-services/disable").then().statusCode(400);
        as(admin()).header("OpenStack-API-Version", "compute 2.53").get("/v2.1/os-hypervisors/{id}", uuid).then()
                .statusCode(200).body("hypervisor.id", equalTo(uuid)).body("hypervisor.service.id", equalTo(uuid));
        as(admin()).header("OpenStack-API-Version", "compute 2.53").get("/v2.1/os-hypervisors/1").then().statusCode(400);
        as(admin()).header("OpenStack-API-Version", "compute 2.53")
                .get("/v2.1/os-hypervisors?hypervisor_hostname_pattern={p}&with_servers=true", live).then().statusCode(200)
                .body("hypervisors[0].id", equalTo(uuid)).body("hypervisors[0]", not(hasKey("servers"))); // none: no key before 2.75
        as(admin()).header("OpenStack-API-Version", "compute 2.75")
                .get("/v2.1/os-hypervisors?hypervisor_hostname_pattern={p}&with_servers=true", live).then().statusCode(200)
                .body("hypervisors[0].servers", equalTo(java.util.List.of()));
        as(admin()).header("OpenStack-API-Version", "compute 2.53")
                .get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=no-such-host-anywhere").then().statusCode(404);
        as(admin()).header("OpenStack-API-Version", "compute 2.53")
                .get("/v2.1/os-hypervisors?hypervisor_hostname_pattern={p}&limit=1", live).then().statusCode(400);
        as(admin()).header("OpenStack-API-Version", "compute 2.53").get("/v2.1/os-hypervisors/{p}/search", live)
                .then().statusCode(404);
        as(admin()).get("/v2.1/os-hypervisors/{p}/search", live).then().statusCode(200);
    }

    @Test
    void from288StatisticsAndUptimeAreGoneAndShowHasTheUptime() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.strato.compute.api.Microversion.MAX.atLeast(88), "2.88 is not served");
        String uuid = as(admin()).header("OpenStack-API-Version", "compute 2.88").get("/v2.1/os-services?host={h}", live)
                .then().statusCode(200).extract().path("services[0].id");
        as(admin()).header("OpenStack-API-Version", "compute 2.87").get("/v2.1/os-hypervisors/statistics").then().statusCode(200);
        as(admin()).header("OpenStack-API-Version", "compute 2.88").get("/v2.1/os-hypervisors/statistics").then().statusCode(404);
        as(admin()).header("OpenStack-API-Version", "compute 2.88").get("/v2.1/os-hypervisors/{id}/uptime", uuid).then()
                .statusCode(404);
        as(admin()).header("OpenStack-API-Version", "compute 2.88").get("/v2.1/os-hypervisors/{id}", uuid).then()
                .statusCode(200).body("hypervisor", hasKey("uptime")).body("hypervisor", not(hasKey("vcpus")))
                .body("hypervisor", not(hasKey("cpu_info")));
        as(admin()).header("OpenStack-API-Version", "compute 2.88").get("/v2.1/os-hypervisors/detail").then()
                .statusCode(200).body("hypervisors[0]", hasKey("uptime"));
    }
}
