package io.strato.compute.aggregates;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** os-aggregates: Nova's bodies and codes, and the zone of an aggregate becoming its hosts' zone. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class AggregateApiTest {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";

    @Inject
    DataSource db;

    private String run;
    private String host;
    private String other;

    @BeforeEach
    void hosts() {
        run = UUID.randomUUID().toString().substring(0, 8);
        host = "agg-host-" + run;
        other = "agg-other-" + run;
        CatalogRows rows = new CatalogRows(db);
        rows.host(host, "agent-zone-" + run, 8, 16384, 100, Instant.now());
        rows.host(other, "agent-zone-" + run, 8, 16384, 100, Instant.now());
    }

    private int create(String name, String zone) {
        String az = zone == null ? "" : ", \"availability_zone\": \"" + zone + "\"";
        return as(admin()).body("{\"aggregate\": {\"name\": \"" + name + "\"" + az + "}}").post("/v2.1/os-aggregates")
                .then().statusCode(200).extract().path("aggregate.id");
    }

    private String action(int id, String action, String body) {
        return "{\"" + action + "\": " + body + "}";
    }

    @Test
    void createShowsNovasFieldsWithoutHostsAndMetadata() {
        String name = "agg-" + run;
        as(admin()).body("{\"aggregate\": {\"name\": \"" + name + "\", \"availability_zone\": \"az-" + run + "\"}}")
                .post("/v2.1/os-aggregates").then().statusCode(200)
                .body("aggregate.name", equalTo(name))
                .body("aggregate.availability_zone", equalTo("az-" + run))
                .body("aggregate.deleted", equalTo(false))
                .body("aggregate", hasKey("deleted_at"))
                .body("aggregate.deleted_at", nullValue())
                .body("aggregate", hasKey("updated_at"))
                .body("aggregate.created_at", matchesPattern(TIME))
                .body("aggregate", not(hasKey("hosts")))
                .body("aggregate", not(hasKey("metadata")))
                .body("aggregate", not(hasKey("uuid")));
        // duplicate names: 409
        as(admin()).body("{\"aggregate\": {\"name\": \"" + name + "\"}}").post("/v2.1/os-aggregates").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Aggregate " + name + " already exists."));
        // no zone: null; from 2.41 the uuid
        as(admin(), 41).body("{\"aggregate\": {\"name\": \"plain-" + run + "\"}}").post("/v2.1/os-aggregates").then().statusCode(200)
                .body("aggregate", hasKey("availability_zone"))
                .body("aggregate.availability_zone", nullValue())
                .body("aggregate.uuid", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void badBodiesAndUnknownIdsAreNovasErrors() {
        as(admin()).body("{\"aggregate\": {\"name\": \"\"}}").post("/v2.1/os-aggregates").then().statusCode(400)
                .body("badRequest.code", equalTo(400));
        as(admin()).body("{\"aggregate\": {\"name\": \"" + "a".repeat(256) + "\"}}").post("/v2.1/os-aggregates").then().statusCode(400);
        as(admin()).body("{\"aggregate\": {\"name\": \"x-" + run + "\", \"availability_zone\": \"a:b\"}}")
                .post("/v2.1/os-aggregates").then().statusCode(400);
        as(admin()).body("{\"aggregate\": {\"name\": \"x-" + run + "\", \"colour\": 1}}").post("/v2.1/os-aggregates").then()
                .statusCode(400).body("badRequest.message", equalTo("Additional properties are not allowed ('colour' was unexpected)"));
        as(admin()).get("/v2.1/os-aggregates/-1").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Aggregate -1 could not be found."));
        as(admin()).delete("/v2.1/os-aggregates/-1").then().statusCode(404);
        as(admin()).get("/v2.1/os-aggregates/abc").then().statusCode(400);
        int id = create("bad-" + run, null);
        as(admin()).body("{\"aggregate\": {}}").put("/v2.1/os-aggregates/{id}", id).then().statusCode(400);
        as(admin()).body("{\"fly\": {}}").post("/v2.1/os-aggregates/{id}/action", id).then().statusCode(400)
                .body("badRequest.message", equalTo("There is no such action: fly"));
        as(admin()).body(action(id, "set_metadata", "{\"metadata\": {\"k\": 1}}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(400);
    }

    @Test
    void onlyAdminsUseAggregates() {
        int id = create("adm-" + run, null);
        String token = member(newProject());
        as(token).get("/v2.1/os-aggregates").then().statusCode(403).body("forbidden.code", equalTo(403));
        as(token).get("/v2.1/os-aggregates/{id}", id).then().statusCode(403);
        as(token).body("{\"aggregate\": {\"name\": \"u-" + run + "\"}}").post("/v2.1/os-aggregates").then().statusCode(403);
        as(token).delete("/v2.1/os-aggregates/{id}", id).then().statusCode(403);
        as(token).body(action(id, "add_host", "{\"host\": \"" + host + "\"}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(403);
    }

    @Test
    void hostsJoinAndLeave() {
        int id = create("hosts-" + run, null);
        as(admin()).body(action(id, "add_host", "{\"host\": \"" + host + "\"}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(200).body("aggregate.hosts", hasItem(host)).body("aggregate.metadata", aMapWithSize(0))
                .body("aggregate.availability_zone", nullValue());
        as(admin()).body(action(id, "add_host", "{\"host\": \"" + host + "\"}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Aggregate " + id + " already has host " + host + "."));
        as(admin()).body(action(id, "add_host", "{\"host\": \"nohost-" + run + "\"}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(404)
                .body("itemNotFound.message", equalTo("Compute host nohost-" + run + " could not be found."));
        as(admin()).get("/v2.1/os-aggregates").then().statusCode(200)
                .body("aggregates.find { it.id == " + id + " }.hosts", hasItem(host));
        // not empty: no delete
        as(admin()).delete("/v2.1/os-aggregates/{id}", id).then().statusCode(400);

        as(admin()).body(action(id, "remove_host", "{\"host\": \"" + host + "\"}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(200).body("aggregate.hosts", not(hasItem(host)));
        as(admin()).body(action(id, "remove_host", "{\"host\": \"" + host + "\"}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(404)
                .body("itemNotFound.message", equalTo("Cannot remove host " + host + " in aggregate " + id));
        as(admin()).body(action(id, "remove_host", "{\"host\": \"nohost\"}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(404);
        as(admin()).delete("/v2.1/os-aggregates/{id}", id).then().statusCode(200);
        as(admin()).get("/v2.1/os-aggregates/{id}", id).then().statusCode(404);
    }

    @Test
    void metadataMergesAndNullRemoves() {
        int id = create("meta-" + run, null);
        as(admin()).get("/v2.1/os-aggregates/{id}", id).then().statusCode(200).body("aggregate.metadata", aMapWithSize(0))
                .body("aggregate.updated_at", nullValue());
        as(admin()).body(action(id, "set_metadata", "{\"metadata\": {\"a\": \"1\", \"b\": \"2\"}}"))
                .post("/v2.1/os-aggregates/{id}/action", id).then().statusCode(200)
                .body("aggregate.metadata.a", equalTo("1")).body("aggregate.updated_at", matchesPattern(TIME));
        as(admin()).body(action(id, "set_metadata", "{\"metadata\": {\"a\": null, \"c\": \"3\"}}"))
                .post("/v2.1/os-aggregates/{id}/action", id).then().statusCode(200)
                .body("aggregate.metadata", aMapWithSize(2)).body("aggregate.metadata.b", equalTo("2"))
                .body("aggregate.metadata.c", equalTo("3"));
        // the zone is the metadata key availability_zone
        as(admin()).body(action(id, "set_metadata", "{\"metadata\": {\"availability_zone\": \"mz-" + run + "\"}}"))
                .post("/v2.1/os-aggregates/{id}/action", id).then().statusCode(200)
                .body("aggregate.availability_zone", equalTo("mz-" + run));
        as(admin()).body("{\"aggregate\": {\"name\": \"meta2-" + run + "\"}}").put("/v2.1/os-aggregates/{id}", id).then()
                .statusCode(200).body("aggregate.name", equalTo("meta2-" + run))
                .body("aggregate.availability_zone", equalTo("mz-" + run)).body("aggregate.updated_at", notNullValue());
    }

    @Test
    void anAggregatesZoneIsItsHostsZone() {
        String zone = "az-" + run;
        int id = create("zone-" + run, zone);
        as(admin()).body(action(id, "add_host", "{\"host\": \"" + host + "\"}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(200).body("aggregate.availability_zone", equalTo(zone));
        as(admin()).get("/v2.1/os-services?host={h}", host).then().statusCode(200).body("services[0].zone", equalTo(zone));
        as(admin()).get("/v2.1/os-availability-zone/detail").then().statusCode(200)
                .body("availabilityZoneInfo.find { it.zoneName == '" + zone + "' }.hosts", hasKey(host));
        as(admin()).get("/v2.1/os-services?host={h}", other).then().statusCode(200)
                .body("services[0].zone", equalTo("agent-zone-" + run));

        // a host is in one zone only
        int second = create("zone2-" + run, "az2-" + run);
        as(admin()).body(action(second, "add_host", "{\"host\": \"" + host + "\"}")).post("/v2.1/os-aggregates/{id}/action", second)
                .then().statusCode(409).body("conflictingRequest.message", equalTo("Cannot add host to aggregate " + second
                        + ". Reason: One or more hosts already in availability zone(s) ['" + zone + "']."));
        // ... also by moving the aggregate's zone
        int plain = create("zone3-" + run, null);
        as(admin()).body(action(plain, "add_host", "{\"host\": \"" + host + "\"}")).post("/v2.1/os-aggregates/{id}/action", plain)
                .then().statusCode(200);
        as(admin()).body("{\"aggregate\": {\"availability_zone\": \"az3-" + run + "\"}}").put("/v2.1/os-aggregates/{id}", plain)
                .then().statusCode(400);
        as(admin()).body("{\"aggregate\": {\"availability_zone\": null}}").put("/v2.1/os-aggregates/{id}", id)
                .then().statusCode(400);

        // a zone whose hosts run servers stays
        new CatalogRows(db).server(newProject(), 1, 512, "active", host);
        as(admin()).body("{\"aggregate\": {\"availability_zone\": \"moved-" + run + "\"}}").put("/v2.1/os-aggregates/{id}", id)
                .then().statusCode(400).body("badRequest.message", equalTo("Cannot update aggregate " + id
                        + ". Reason: One or more hosts contain instances in this zone."));
        as(admin()).body("{\"aggregate\": {\"name\": \"renamed-" + run + "\", \"availability_zone\": \"" + zone + "\"}}")
                .put("/v2.1/os-aggregates/{id}", id).then().statusCode(200).body("aggregate.name", equalTo("renamed-" + run));

        // leaving the aggregate, the host is back in its agent's zone
        as(admin()).body(action(id, "remove_host", "{\"host\": \"" + host + "\"}")).post("/v2.1/os-aggregates/{id}/action", id)
                .then().statusCode(200);
        as(admin()).get("/v2.1/os-services?host={h}", host).then().statusCode(200)
                .body("services[0].zone", equalTo("agent-zone-" + run));
    }

    @Test
    void from281AdminsAskForImagePreCachingOnAnAggregate() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.strato.compute.api.Microversion.MAX.atLeast(81), "2.81 is not served");
        int id = create("cache-" + run, null);
        String image = java.util.UUID.randomUUID().toString();
        String body = "{\"cache\": [{\"id\": \"" + image + "\"}]}";
        as(admin(), 80).body(body).post("/v2.1/os-aggregates/" + id + "/images").then().statusCode(404);
        as(member(newProject()), 81).body(body).post("/v2.1/os-aggregates/" + id + "/images").then().statusCode(403);
        as(admin(), 81).body(body).post("/v2.1/os-aggregates/" + id + "/images").then().statusCode(202);
        as(admin(), 81).body(body).post("/v2.1/os-aggregates/999999/images").then().statusCode(404);
        as(admin(), 81).body(body).post("/v2.1/os-aggregates/x/images").then().statusCode(400);
        for (String bad : java.util.List.of("{\"cache\": []}", "{\"cache\": [{\"id\": \"nope\"}]}", "{}",
                "{\"cache\": [{\"id\": \"" + image + "\"}, {\"id\": \"" + image + "\"}]}",
                "{\"cache\": [{\"id\": \"" + image + "\", \"x\": 1}]}")) {
            as(admin(), 81).body(bad).post("/v2.1/os-aggregates/" + id + "/images").then().statusCode(400);
        }
    }
}
