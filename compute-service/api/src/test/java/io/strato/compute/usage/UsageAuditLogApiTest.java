package io.strato.compute.usage;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Nova's os-instance_usage_audit_log as it reads when no audit task ran (Strato runs none). */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class UsageAuditLogApiTest {
    private static final String LOG = "/v2.1/os-instance_usage_audit_log";

    @Inject
    DataSource db;

    @Test
    void everyHostIsNotRunForTheLastWholeMonth() {
        String host = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        new CatalogRows(db).host(host, "nova", 4, 4096, 40, Instant.now());
        JsonPath all = as(admin()).get(LOG).then().statusCode(200)
                .body("instance_usage_audit_logs.hosts_not_run", hasItem(host))
                .body("instance_usage_audit_logs.log", aMapWithSize(0))
                .body("instance_usage_audit_logs.num_hosts_done", equalTo(0))
                .body("instance_usage_audit_logs.total_instances", equalTo(0))
                .extract().jsonPath();
        int n = all.getInt("instance_usage_audit_logs.num_hosts");
        assertEquals(n, all.getInt("instance_usage_audit_logs.num_hosts_not_run"));
        assertEquals("0 of " + n + " hosts done. 0 errors.", all.getString("instance_usage_audit_logs.overall_status"));
        as(admin()).get(LOG + "/2012-07-15 10:11:12").then().statusCode(200)
                .body("instance_usage_audit_log.period_beginning", equalTo("2012-06-01 00:00:00"))
                .body("instance_usage_audit_log.period_ending", equalTo("2012-07-01 00:00:00"))
                .body("instance_usage_audit_log.num_hosts", equalTo(n));
        as(admin()).get(LOG + "/2012-07-01 00:00:00.5").then().statusCode(200)
                .body("instance_usage_audit_log.period_ending", equalTo("2012-07-01 00:00:00"));
    }

    @Test
    void badTimesAre400AndNonAdmins403() {
        as(admin()).get(LOG + "/invalid_time").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid timestamp for date invalid_time"));
        as(admin()).get(LOG + "/2012-13-01 00:00:00").then().statusCode(400);
        as(admin()).get(LOG + "/2012-07-01 00:00:00.").then().statusCode(400);
        as(member(newProject())).get(LOG).then().statusCode(403);
        as(member(newProject())).get(LOG + "/2012-07-15 10:11:12").then().statusCode(403);
    }

    @Test
    void theAuditPeriodIsTheLastMonthEndedBeforeTheTime() {
        var p = UsageAuditLogView.AuditPeriod.before(LocalDateTime.of(2026, 1, 1, 0, 0));
        assertEquals(LocalDateTime.of(2025, 11, 1, 0, 0), p.begin());
        assertEquals(LocalDateTime.of(2025, 12, 1, 0, 0), p.end());
        p = UsageAuditLogView.AuditPeriod.before(LocalDateTime.of(2026, 1, 1, 0, 0, 1));
        assertEquals(LocalDateTime.of(2025, 12, 1, 0, 0), p.begin());
        assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), p.end());
    }
}
