package io.strato.compute.usage;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** os-simple-tenant-usage over server rows: hours in the period, flavor sizes, per project, who may see what. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class SimpleTenantUsageTest {
    private static final String START = "2026-01-01T00:00:00";
    private static final String END = "2026-01-02T00:00:00";

    @Inject
    DataSource db;

    /** A server of the flavor (2 vCPUs, 1024 MB, 10+5 GB) launched and perhaps deleted at the given times. */
    private UUID server(String project, String vmState, Instant launched, Instant deleted) {
        CatalogRows rows = new CatalogRows(db);
        UUID id = rows.server(project, 2, 1024, vmState, null);
        rows.update("UPDATE server SET flavor = CAST(? AS jsonb), launched_at = ?, created_at = ?, updated_at = ? WHERE id = ?",
                "{\"id\": \"f\", \"name\": \"m1.small\", \"vcpus\": 2, \"memory_mb\": 1024, \"root_gb\": 10, \"ephemeral_gb\": 5}",
                launched == null ? null : Timestamp.from(launched), Timestamp.from(launched == null ? Instant.now() : launched),
                Timestamp.from(deleted == null ? Instant.now() : deleted), id);
        return id;
    }

    private static Instant at(String t) {
        return Instant.parse(t + "Z");
    }

    @Test
    void hoursAndSizesOfTheServersThatRanInThePeriod() {
        String project = newProject();
        UUID whole = server(project, "active", at("2025-12-31T12:00:00"), null);            // 24 h in the period
        UUID half = server(project, "deleted", at("2026-01-01T06:00:00"), at("2026-01-01T18:00:00")); // 12 h
        server(project, "deleted", at("2025-12-01T00:00:00"), at("2025-12-02T00:00:00"));   // before: not counted
        server(project, "building", null, null);                                           // never launched
        server(project, "active", at("2026-02-01T00:00:00"), null);                         // after: not counted

        as(member(project)).get("/v2.1/os-simple-tenant-usage/{p}?start={s}&end={e}", project, START, END).then()
                .statusCode(200)
                .body("tenant_usage.tenant_id", equalTo(project))
                .body("tenant_usage.start", equalTo("2026-01-01T00:00:00.000000"))
                .body("tenant_usage.stop", equalTo("2026-01-02T00:00:00.000000"))
                .body("tenant_usage.total_hours", equalTo(36.0f))
                .body("tenant_usage.total_vcpus_usage", equalTo(72.0f))
                .body("tenant_usage.total_memory_mb_usage", equalTo(36864.0f))
                .body("tenant_usage.total_local_gb_usage", equalTo(540.0f))
                .body("tenant_usage.server_usages.size()", equalTo(2))
                .body("tenant_usage.server_usages.find { it.instance_id == '" + whole + "' }.state", equalTo("active"))
                .body("tenant_usage.server_usages.find { it.instance_id == '" + whole + "' }.ended_at", nullValue())
                .body("tenant_usage.server_usages.find { it.instance_id == '" + whole + "' }.flavor", equalTo("m1.small"))
                .body("tenant_usage.server_usages.find { it.instance_id == '" + whole + "' }.local_gb", equalTo(15))
                .body("tenant_usage.server_usages.find { it.instance_id == '" + half + "' }.state", equalTo("terminated"))
                .body("tenant_usage.server_usages.find { it.instance_id == '" + half + "' }.uptime", equalTo(12 * 3600))
                .body("tenant_usage.server_usages.find { it.instance_id == '" + half + "' }.ended_at",
                        equalTo("2026-01-01T18:00:00.000000"));

        // admins list every project's totals; with detailed=1 the servers too
        as(admin()).get("/v2.1/os-simple-tenant-usage?start={s}&end={e}", START, END).then().statusCode(200)
                .body("tenant_usages.tenant_id", hasItem(project))
                .body("tenant_usages.find { it.tenant_id == '" + project + "' }", not(hasKey("server_usages")))
                .body("tenant_usages.find { it.tenant_id == '" + project + "' }.total_hours", equalTo(36.0f));
        as(admin()).get("/v2.1/os-simple-tenant-usage?start={s}&end={e}&detailed=1", START, END).then().statusCode(200)
                .body("tenant_usages.find { it.tenant_id == '" + project + "' }.server_usages.size()", equalTo(2));
    }

    @Test
    void refusalsAsNova() {
        String project = newProject();
        as(member(project)).get("/v2.1/os-simple-tenant-usage?start={s}&end={e}", START, END).then().statusCode(403);
        as(member(project)).get("/v2.1/os-simple-tenant-usage/{p}", newProject()).then().statusCode(403);
        as(admin()).get("/v2.1/os-simple-tenant-usage/{p}?start={s}&end={e}", project, END, START).then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid start time. The start time cannot occur after the end time."));
        as(admin()).get("/v2.1/os-simple-tenant-usage/{p}?start=yesterday", project).then().statusCode(400)
                .body("badRequest.message", equalTo("Datetime is in invalid format"));
        as(admin()).get("/v2.1/os-simple-tenant-usage/?start={s}&end={e}", START, END).then().statusCode(404);
        // a project without servers in the period: an empty object
        as(member(project)).get("/v2.1/os-simple-tenant-usage/{p}?start={s}&end={e}", project, START, END).then()
                .statusCode(200).body("tenant_usage.size()", equalTo(0));
    }

    @Test
    void serversArePagedFrom240() {
        String project = newProject();
        UUID first = server(project, "active", at("2025-12-31T01:00:00"), null);
        server(project, "active", at("2025-12-31T02:00:00"), null);
        as(admin(), 40).get("/v2.1/os-simple-tenant-usage/{p}?start={s}&end={e}&limit=1", project, START, END).then()
                .statusCode(200).body("tenant_usage.server_usages.instance_id", equalTo(java.util.List.of(first.toString())));
        as(admin(), 40).get("/v2.1/os-simple-tenant-usage/{p}?start={s}&end={e}&marker={m}", project, START, END, first)
                .then().statusCode(200).body("tenant_usage.server_usages.size()", equalTo(1))
                .body("tenant_usage.server_usages[0].instance_id", not(equalTo(first.toString())));
        as(admin(), 40).get("/v2.1/os-simple-tenant-usage/{p}?marker={m}&start={s}&end={e}", project, UUID.randomUUID(), START, END)
                .then().statusCode(400);
        // before 2.40 there is no paging
        as(admin()).get("/v2.1/os-simple-tenant-usage/{p}?start={s}&end={e}&limit=1", project, START, END).then()
                .statusCode(200).body("tenant_usage.server_usages.size()", equalTo(2));
    }
}
