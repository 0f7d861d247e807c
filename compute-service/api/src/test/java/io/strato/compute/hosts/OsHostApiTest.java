package io.strato.compute.hosts;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nova's os-hosts over compute_host rows and the servers on them. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class OsHostApiTest {
    private static final String HOSTS = "/v2.1/os-hosts";

    @Inject
    DataSource db;

    private String live;
    private String dead;
    private String off;
    private String zone;
    private CatalogRows rows;

    @BeforeEach
    void hosts() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        live = "oslive-" + run;
        dead = "osdead-" + run;
        off = "osoff-" + run;
        zone = "oszone-" + run;
        rows = new CatalogRows(db);
        rows.host(live, zone, 32, 65536, 500, Instant.now());
        rows.host(dead, zone, 16, 32768, 200, Instant.now().minus(Duration.ofMinutes(5)));
        rows.host(off, zone, 8, 8192, 100, Instant.now());
        rows.update("UPDATE compute_host SET enabled = false WHERE host = ?", off);
        rows.update("UPDATE compute_host SET vcpus_used = 4, memory_mb_used = 8192, local_gb_used = 40 WHERE host = ?", live);
    }

    @Test
    void enabledHostsAreListedByZone() {
        as(admin()).get(HOSTS).then().statusCode(200)
                .body("hosts.host_name", hasItem(live))
                .body("hosts.host_name", not(hasItem(off)))
                .body("hosts.service", everyItem(equalTo("compute")));
        as(admin()).get(HOSTS + "?zone=" + zone).then().statusCode(200)
                .body("hosts.host_name", contains(live, dead))
                .body("hosts.zone", everyItem(equalTo(zone)));
        as(admin()).get(HOSTS + "?zone=").then().statusCode(200).body("hosts.host_name", hasItem(live));
        as(admin()).get(HOSTS + "?zone=nowhere").then().statusCode(200).body("hosts.size()", equalTo(0));
        as(member(newProject())).get(HOSTS).then().statusCode(403);
        as(admin(), 43).get(HOSTS).then().statusCode(404);
        as(admin(), 42).get(HOSTS).then().statusCode(200);
    }

    @Test
    void aHostShowsItsTotalsClaimsAndServersPerProject() {
        String p1 = newProject();
        String p2 = newProject();
        rows.server(p1, 2, 2048, "active", live);
        rows.server(p1, 1, 1024, "active", live);
        rows.server(p2, 4, 4096, "stopped", live);
        rows.server(p2, 8, 8192, "deleted", live);
        as(admin()).get(HOSTS + "/{h}", live).then().statusCode(200)
                .body("host.resource.project", contains("(total)", "(used_now)", "(used_max)", p1, p2))
                .body("host.resource.host", everyItem(equalTo(live)))
                .body("host[0].resource.cpu", equalTo(32))
                .body("host[0].resource.memory_mb", equalTo(65536))
                .body("host[0].resource.disk_gb", equalTo(500))
                .body("host[1].resource.cpu", equalTo(4))
                .body("host[1].resource.disk_gb", equalTo(40))
                .body("host[2].resource.cpu", equalTo(7))
                .body("host[2].resource.memory_mb", equalTo(7168))
                .body("host[3].resource.cpu", equalTo(3))
                .body("host[4].resource.memory_mb", equalTo(4096));
        as(admin()).get(HOSTS + "/nowhere").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Host 'nowhere' is not mapped to any cell"));
        as(member(newProject())).get(HOSTS + "/{h}", live).then().statusCode(403);
    }

    @Test
    void hostActionsAreTheLibvirtDriversAnswers() {
        as(admin()).body("{\"status\": \"enable\"}").put(HOSTS + "/{h}", live).then().statusCode(501)
                .body("notImplemented.message", equalTo("Virt driver does not implement host disabled status."));
        as(admin()).body("{\"maintenance_mode\": \"Disable\"}").put(HOSTS + "/{h}", live).then().statusCode(501)
                .body("notImplemented.message", equalTo("Virt driver does not implement host maintenance mode."));
        as(admin()).body("{\"status\": \"enable\"}").put(HOSTS + "/{h}", dead).then().statusCode(400)
                .body("badRequest.message", equalTo("Compute service of " + dead + " is unavailable at this time."));
        as(admin()).body("{\"status\": \"enable\"}").put(HOSTS + "/nowhere").then().statusCode(404);
        as(admin()).body("{\"status\": \"invalid\"}").put(HOSTS + "/{h}", live).then().statusCode(400);
        as(admin()).body("{\"maintenance_mode\": \"invalid\"}").put(HOSTS + "/{h}", live).then().statusCode(400);
        as(admin()).body("{}").put(HOSTS + "/{h}", live).then().statusCode(400);
        as(admin()).body("{\"status\": \"enable\", \"x\": 1}").put(HOSTS + "/{h}", live).then().statusCode(400);
        as(member(newProject())).body("{\"status\": \"enable\"}").put(HOSTS + "/{h}", live).then().statusCode(403);
        for (String action : new String[] {"startup", "shutdown", "reboot"}) {
            as(admin()).get(HOSTS + "/{h}/" + action, live).then().statusCode(501)
                    .body("notImplemented.message", equalTo("Virt driver does not implement host power management."));
            as(admin()).get(HOSTS + "/nowhere/" + action).then().statusCode(404);
            as(member(newProject())).get(HOSTS + "/{h}/" + action, live).then().statusCode(403);
        }
    }
}
