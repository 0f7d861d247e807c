package io.strato.compute.flavors;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class FlavorApiTest {
    private final String project = newProject();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void devstackFlavorsAreBootstrapped() {
        as(member(project)).get("/v2.1/flavors/detail").then().statusCode(200)
                .body("flavors.name", hasItems("m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge"))
                .body("flavors.find { it.id == '1' }.name", equalTo("m1.tiny"))
                .body("flavors.find { it.id == '1' }.ram", equalTo(512))
                .body("flavors.find { it.id == '1' }.disk", equalTo(1))
                .body("flavors.find { it.id == '3' }.vcpus", equalTo(2))
                .body("flavors.find { it.id == '3' }.ram", equalTo(4096))
                .body("flavors.find { it.id == '5' }.disk", equalTo(160))
                .body("flavors.find { it.id == '1' }.swap", equalTo(""))
                .body("flavors.find { it.id == '1' }.'OS-FLV-DISABLED:disabled'", equalTo(false))
                .body("flavors.find { it.id == '1' }.'os-flavor-access:is_public'", equalTo(true));
        as(member(project)).get("/v2.1/flavors/4").then().statusCode(200)
                .body("flavor.name", equalTo("m1.large"))
                .body("flavor.links.find { it.rel == 'self' }.href", endsWith("/v2.1/flavors/4"))
                .body("flavor.links.find { it.rel == 'bookmark' }.href", endsWith("/flavors/4"));
        as(member(project)).get("/v2.1/flavors").then().statusCode(200)
                .body("flavors.find { it.id == '2' }.name", equalTo("m1.small"))
                .body("flavors.find { it.id == '2' }.ram", equalTo(null));
    }

    @Inject
    FlavorBootstrap bootstrap;

    @Test
    void bootstrapIsIdempotent() throws Throwable {
        // a second run (another instance starting) inserts nothing
        Integer created = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() ->
                io.quarkus.hibernate.reactive.panache.Panache.withTransaction(bootstrap::ensure));
        org.junit.jupiter.api.Assertions.assertEquals(0, created);
    }

    @Test
    void onlyAnAdminCreatesAndDeletesFlavors() {
        String name = unique("f");
        String body = "{\"flavor\": {\"name\": \"" + name + "\", \"ram\": 1024, \"vcpus\": 2, \"disk\": 10}}";
        as(member(project)).body(body).post("/v2.1/flavors").then().statusCode(403)
                .body("forbidden.message", containsString("os_compute_api:os-flavor-manage:create"));
        String id = as(admin()).body(body).post("/v2.1/flavors").then().statusCode(200)
                .body("flavor.name", equalTo(name))
                .body("flavor.ram", equalTo(1024))
                .body("flavor.'OS-FLV-EXT-DATA:ephemeral'", equalTo(0))
                .body("flavor.rxtx_factor", equalTo(1.0f))
                .body("flavor.'os-flavor-access:is_public'", equalTo(true))
                .extract().path("flavor.id");
        UUID.fromString(id); // an id was generated
        as(admin()).body(body).post("/v2.1/flavors").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Flavor with name " + name + " already exists."));
        as(member(project)).delete("/v2.1/flavors/{id}", id).then().statusCode(403);
        as(admin()).delete("/v2.1/flavors/{id}", id).then().statusCode(202);
        as(admin()).get("/v2.1/flavors/{id}", id).then().statusCode(404).body("itemNotFound.code", equalTo(404));
        as(admin()).delete("/v2.1/flavors/{id}", id).then().statusCode(404);
    }

    @Test
    void aGivenIdIsKeptAndMustBeUnique() {
        String id = unique("custom");
        String body = "{\"flavor\": {\"id\": \"" + id + "\", \"name\": \"" + unique("n") + "\", \"ram\": \"256\", \"vcpus\": 1, "
                + "\"disk\": 0, \"swap\": 512, \"OS-FLV-EXT-DATA:ephemeral\": 5, \"rxtx_factor\": 2.5, "
                + "\"os-flavor-access:is_public\": false}}";
        as(admin()).body(body).post("/v2.1/flavors").then().statusCode(200)
                .body("flavor.id", equalTo(id)).body("flavor.ram", equalTo(256)).body("flavor.swap", equalTo(512))
                .body("flavor.'OS-FLV-EXT-DATA:ephemeral'", equalTo(5)).body("flavor.rxtx_factor", equalTo(2.5f))
                .body("flavor.'os-flavor-access:is_public'", equalTo(false));
        as(admin()).body(body.replace("\"name\": \"", "\"name\": \"x")).post("/v2.1/flavors").then().statusCode(409)
                .body("conflictingRequest.message", equalTo("Flavor with ID " + id + " already exists."));
    }

    @Test
    void badFlavorsAre400() {
        String n = unique("bad");
        for (String b : List.of(
                "{\"flavor\": {\"name\": \"" + n + "\", \"ram\": 0, \"vcpus\": 1, \"disk\": 1}}",
                "{\"flavor\": {\"name\": \"" + n + "\", \"ram\": 64, \"vcpus\": -1, \"disk\": 1}}",
                "{\"flavor\": {\"name\": \"" + n + "\", \"ram\": 64, \"vcpus\": 1, \"disk\": -1}}",
                "{\"flavor\": {\"name\": \"" + n + "\", \"ram\": \"lots\", \"vcpus\": 1, \"disk\": 1}}",
                "{\"flavor\": {\"name\": \"" + n + "\", \"vcpus\": 1, \"disk\": 1}}",
                "{\"flavor\": {\"name\": \" " + n + "\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1}}",
                "{\"flavor\": {\"name\": \"" + n + "\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1, \"rxtx_factor\": 0}}",
                "{\"flavor\": {\"name\": \"" + n + "\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1, \"id\": \"a/b\"}}",
                "{\"flavor\": {\"name\": \"" + n + "\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1, \"colour\": \"red\"}}",
                "{\"flavor\": {\"name\": \"" + n + "\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1, \"description\": \"at 2.1\"}}",
                "{\"flavor\": ")) {
            as(admin()).body(b).post("/v2.1/flavors").then().statusCode(400).body("badRequest.code", equalTo(400));
        }
    }

    @Test
    void extraSpecsAreAdminWritesWithResourcePolicyValidation() {
        String id = create(unique("specs"), true);
        String path = "/v2.1/flavors/{id}/os-extra_specs";
        as(admin()).body("{\"extra_specs\": {\"quota:cpu_shares\": \"2048\", \"quota:disk_read_iops_sec\": 500, "
                        + "\"quota:vif_inbound_average\": \"10240\", \"quota:memory_limit\": \"1024\", \"hw:cpu_policy\": \"shared\"}}")
                .post(path, id).then().statusCode(200)
                .body("extra_specs.'quota:cpu_shares'", equalTo("2048"))
                .body("extra_specs.'quota:disk_read_iops_sec'", equalTo("500"));
        as(member(project)).get(path, id).then().statusCode(200)
                .body("extra_specs.'quota:vif_inbound_average'", equalTo("10240"))
                .body("extra_specs.'hw:cpu_policy'", equalTo("shared"));
        as(member(project)).get(path + "/{key}", id, "quota:cpu_shares").then().statusCode(200)
                .body("'quota:cpu_shares'", equalTo("2048"));
        as(member(project)).body("{\"extra_specs\": {\"quota:cpu_quota\": \"1\"}}").post(path, id).then().statusCode(403);
        for (String bad : List.of("-1", "abc", "1.5", "")) {
            as(admin()).body("{\"extra_specs\": {\"quota:cpu_quota\": \"" + bad + "\"}}").post(path, id).then().statusCode(400)
                    .body("badRequest.message", containsString("quota:cpu_quota"));
        }
        as(admin()).body("{\"extra_specs\": {\"quota:vif_outbound_peak\": -5}}").post(path, id).then().statusCode(400);
        as(admin()).body("{\"extra_specs\": {\"bad/key\": \"1\"}}").post(path, id).then().statusCode(400);
        as(admin()).body("{\"quota:cpu_period\": \"100000\"}").put(path + "/{key}", id, "quota:cpu_period").then().statusCode(200)
                .body("'quota:cpu_period'", equalTo("100000"));
        as(admin()).body("{\"quota:cpu_period\": \"x\"}").put(path + "/{key}", id, "quota:cpu_period").then().statusCode(400);
        as(admin()).body("{\"quota:cpu_period\": \"1\"}").put(path + "/{key}", id, "quota:cpu_quota").then().statusCode(400)
                .body("badRequest.message", equalTo("Request body and URI mismatch"));
        as(admin()).delete(path + "/{key}", id, "hw:cpu_policy").then().statusCode(200);
        as(admin()).delete(path + "/{key}", id, "hw:cpu_policy").then().statusCode(404);
        as(member(project)).get(path + "/{key}", id, "hw:cpu_policy").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Flavor " + id + " has no extra specs with key hw:cpu_policy."));
        as(admin()).get(path, id).then().statusCode(200).body("extra_specs.'quota:cpu_period'", equalTo("100000"))
                .body("extra_specs", not(org.hamcrest.Matchers.hasKey("hw:cpu_policy")));
    }

    @Test
    void aPrivateFlavorIsSeenOnlyByProjectsOnItsAccessList() {
        String other = newProject();
        String name = unique("private");
        String id = create(name, false);
        as(member(project)).get("/v2.1/flavors/{id}", id).then().statusCode(404);
        as(member(project)).get("/v2.1/flavors/detail").then().statusCode(200).body("flavors.id", not(hasItem(id)));
        as(member(project)).get("/v2.1/flavors/{id}/os-flavor-access", id).then().statusCode(403);

        as(admin()).body("{\"addTenantAccess\": {\"tenant\": \"" + project + "\"}}").post("/v2.1/flavors/{id}/action", id)
                .then().statusCode(200).body("flavor_access", hasSize(1))
                .body("flavor_access[0].tenant_id", equalTo(project)).body("flavor_access[0].flavor_id", equalTo(id));
        as(admin()).body("{\"addTenantAccess\": {\"tenant\": \"" + project + "\"}}").post("/v2.1/flavors/{id}/action", id)
                .then().statusCode(409);
        as(member(project)).get("/v2.1/flavors/{id}", id).then().statusCode(200).body("flavor.name", equalTo(name));
        as(member(project)).get("/v2.1/flavors").then().statusCode(200).body("flavors.id", hasItem(id));
        as(member(other)).get("/v2.1/flavors").then().statusCode(200).body("flavors.id", not(hasItem(id)));
        as(member(other)).get("/v2.1/flavors/{id}", id).then().statusCode(404);
        as(admin()).get("/v2.1/flavors/{id}/os-flavor-access", id).then().statusCode(200)
                .body("flavor_access.tenant_id", equalTo(List.of(project)));
        // admins see every flavor with is_public=None (as openstacksdk lists), only private ones with false
        as(admin()).get("/v2.1/flavors/detail?is_public=None").then().statusCode(200).body("flavors.id", hasItems(id, "1"));
        as(admin()).get("/v2.1/flavors/detail?is_public=false").then().statusCode(200)
                .body("flavors.id", hasItem(id)).body("flavors.id", not(hasItem("1")));

        as(admin()).body("{\"removeTenantAccess\": {\"tenant\": \"" + project + "\"}}").post("/v2.1/flavors/{id}/action", id)
                .then().statusCode(200).body("flavor_access", hasSize(0));
        as(admin()).body("{\"removeTenantAccess\": {\"tenant\": \"" + project + "\"}}").post("/v2.1/flavors/{id}/action", id)
                .then().statusCode(404);
        as(member(project)).get("/v2.1/flavors/{id}", id).then().statusCode(404);
        as(admin()).body("{\"addTenantAccess\": {\"tenant\": \"" + project + "\"}}").post("/v2.1/flavors/{id}/action", "1")
                .then().statusCode(409).body("conflictingRequest.message", equalTo("Can not add access to a public flavor."));
        as(admin()).get("/v2.1/flavors/{id}/os-flavor-access", "1").then().statusCode(404);
        as(admin()).body("{\"shareFlavor\": {}}").post("/v2.1/flavors/{id}/action", id).then().statusCode(400);
    }

    @Test
    void listFiltersSortAndPages() {
        as(member(project)).get("/v2.1/flavors/detail?minRam=8192").then().statusCode(200)
                .body("flavors.name", hasItems("m1.large", "m1.xlarge")).body("flavors.name", not(hasItem("m1.tiny")));
        as(member(project)).get("/v2.1/flavors/detail?minDisk=100").then().statusCode(200)
                .body("flavors.name", hasItem("m1.xlarge")).body("flavors.name", not(hasItem("m1.large")));
        as(member(project)).get("/v2.1/flavors/detail?sort_key=memory_mb&sort_dir=desc&minRam=512&limit=2").then().statusCode(200)
                .body("flavors", hasSize(2))
                .body("flavors_links[0].rel", equalTo("next"))
                .body("flavors_links[0].href", containsString("marker="));
        List<Integer> rams = as(member(project)).get("/v2.1/flavors/detail?sort_key=memory_mb&sort_dir=asc").then()
                .statusCode(200).extract().path("flavors.ram");
        for (int i = 1; i < rams.size(); i++) {
            org.junit.jupiter.api.Assertions.assertTrue(rams.get(i - 1) <= rams.get(i), "sorted by ram: " + rams);
        }
        as(member(project)).get("/v2.1/flavors?sort_key=flavorid&minRam=8192&limit=1&marker=3").then().statusCode(200)
                .body("flavors[0].id", equalTo("4"));
        as(member(project)).get("/v2.1/flavors?marker=nope").then().statusCode(400)
                .body("badRequest.message", equalTo("marker [nope] not found"));
        as(member(project)).get("/v2.1/flavors?minRam=lots").then().statusCode(400);
        as(member(project)).get("/v2.1/flavors?sort_key=colour").then().statusCode(400);
        as(member(project)).get("/v2.1/flavors?sort_dir=up").then().statusCode(400);
    }

    /** At 2.{@code minor}; skipped while Strato's MAX is below it. */
    private static io.restassured.specification.RequestSpecification at(String token, int minor) {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.strato.compute.api.Microversion.MAX.atLeast(minor),
                "2." + minor + " is not served");
        return as(token, minor);
    }

    @Test
    void from286ExtraSpecsAreValidatedAsNovaKnowsThem() {
        String id = create(unique("known"), true);
        String path = "/v2.1/flavors/{id}/os-extra_specs";
        // before 2.86 an unknown key of a known namespace and a bad value of a known key are stored
        as(admin(), 85).body("{\"extra_specs\": {\"hw:cpu_polcy\": \"x\", \"hw:numa_nodes\": \"zero\"}}").post(path, id)
                .then().statusCode(200);
        at(admin(), 86).body("{\"extra_specs\": {\"hw:cpu_polcy\": \"dedicated\"}}").post(path, id).then().statusCode(400)
                .body("badRequest.message", equalTo("Validation failed; extra spec 'hw:cpu_polcy' does not appear to be a valid extra spec."));
        at(admin(), 86).body("{\"extra_specs\": {\"hw:cpu_policy\": \"dedicated\", \"hw:numa_nodes\": 0}}").post(path, id)
                .then().statusCode(400).body("badRequest.message", equalTo("Validation failed; '0' is less than the min value of '1'."));
        // nothing of a refused body is stored
        as(admin()).get(path + "/{key}", id, "hw:cpu_policy").then().statusCode(404);
        at(admin(), 86).body("{\"extra_specs\": {\"hw:cpu_policy\": \"dedicated\", \"hw:numa_nodes\": 2, \"trait:HW_CPU_X86_AVX2\": "
                        + "\"required\", \"resources:VGPU\": \"1\", \"powervm:proc_units\": \"0.5\", \"my:own\": \"x\", \"plain\": \"y\"}}")
                .post(path, id).then().statusCode(200).body("extra_specs.'hw:numa_nodes'", equalTo("2"))
                .body("extra_specs.'powervm:proc_units'", equalTo("0.5"));
        at(admin(), 86).body("{\"hw:cpu_policy\": \"pinned\"}").put(path + "/{key}", id, "hw:cpu_policy").then().statusCode(400)
                .body("badRequest.message", equalTo("Validation failed; 'pinned' is not one of: dedicated, shared, mixed."));
        // the value is checked before the key of the URI, as in Nova
        at(admin(), 86).body("{\"hw:cpu_policy\": \"pinned\"}").put(path + "/{key}", id, "hw:numa_nodes").then().statusCode(400)
                .body("badRequest.message", containsString("is not one of"));
        at(admin(), 86).body("{\"hw:cpu_policy\": \"shared\"}").put(path + "/{key}", id, "hw:cpu_policy").then().statusCode(200)
                .body("'hw:cpu_policy'", equalTo("shared"));
        // Strato's own rule on the resource-policy keys the agent applies stays (Nova's allows a negative cpu_quota)
        at(admin(), 86).body("{\"quota:cpu_quota\": \"-1\"}").put(path + "/{key}", id, "quota:cpu_quota").then().statusCode(400);
        at(admin(), 86).body("{\"extra_specs\": {\"hw:cpu_policy\": \"x\"}}").post(path, "no-such-flavor").then().statusCode(400);
        as(member(project)).get(path, id).then().statusCode(200).body("extra_specs.'hw:cpu_polcy'", equalTo("x"))
                .body("extra_specs.'hw:cpu_policy'", equalTo("shared"));
    }

    @Test
    void from255FlavorsHaveADescriptionThatAdminsUpdate() {
        String name = unique("described");
        String id = at(admin(), 55).body("{\"flavor\": {\"name\": \"" + name + "\", \"ram\": 128, \"vcpus\": 1, "
                + "\"disk\": 1, \"description\": \"for tests\"}}").post("/v2.1/flavors").then().statusCode(200)
                .body("flavor.description", equalTo("for tests")).body("flavor", not(hasKey("extra_specs")))
                .body("flavor.swap", equalTo("")).extract().path("flavor.id");
        at(member(project), 55).get("/v2.1/flavors/{id}", id).then().body("flavor.description", equalTo("for tests"));
        at(member(project), 55).get("/v2.1/flavors?limit=1000").then()
                .body("flavors.find { it.id == '" + id + "' }.description", equalTo("for tests"));
        as(member(project), 54).get("/v2.1/flavors/{id}", id).then().body("flavor", not(hasKey("description")));
        as(admin(), 54).body("{\"flavor\": {\"description\": \"x\"}}").put("/v2.1/flavors/{id}", id).then().statusCode(404);
        at(member(project), 55).body("{\"flavor\": {\"description\": \"x\"}}").put("/v2.1/flavors/{id}", id)
                .then().statusCode(403);
        at(admin(), 55).body("{\"flavor\": {\"description\": \"x\", \"name\": \"y\"}}").put("/v2.1/flavors/{id}", id)
                .then().statusCode(400);
        at(admin(), 55).body("{\"flavor\": {}}").put("/v2.1/flavors/{id}", id).then().statusCode(400);
        at(admin(), 55).body("{\"flavor\": {\"description\": \"x\"}}").put("/v2.1/flavors/{id}", "nope").then()
                .statusCode(404);
        at(admin(), 55).body("{\"flavor\": {\"description\": null}}").put("/v2.1/flavors/{id}", id).then()
                .statusCode(200).body("flavor.description", nullValue()).body("flavor", hasKey("description"))
                .body("flavor.name", equalTo(name));
    }

    @Test
    void from261ExtraSpecsAreInTheViewsAndFrom275SwapIsZero() {
        String id = create(unique("viewed"), true);
        as(admin()).body("{\"extra_specs\": {\"hw:cpu_policy\": \"shared\"}}").post("/v2.1/flavors/{id}/os-extra_specs", id)
                .then().statusCode(200);
        at(member(project), 61).get("/v2.1/flavors/{id}", id).then()
                .body("flavor.extra_specs", equalTo(java.util.Map.of("hw:cpu_policy", "shared")));
        at(member(project), 61).get("/v2.1/flavors/detail?limit=1000").then()
                .body("flavors.find { it.id == '" + id + "' }.extra_specs.'hw:cpu_policy'", equalTo("shared"));
        at(member(project), 61).get("/v2.1/flavors?limit=1000").then()
                .body("flavors.find { it.id == '" + id + "' }", not(hasKey("extra_specs")));
        at(member(project), 60).get("/v2.1/flavors/{id}", id).then().body("flavor", not(hasKey("extra_specs")));
        at(admin(), 61).body("{\"flavor\": {\"name\": \"" + unique("n") + "\", \"ram\": 128, \"vcpus\": 1, \"disk\": 1}}")
                .post("/v2.1/flavors").then().statusCode(200).body("flavor.extra_specs", equalTo(java.util.Map.of()));
        at(member(project), 74).get("/v2.1/flavors/{id}", id).then().body("flavor.swap", equalTo(""));
        at(member(project), 75).get("/v2.1/flavors/{id}", id).then().body("flavor.swap", equalTo(0));
    }

    private static String create(String name, boolean isPublic) {
        return as(admin()).body("{\"flavor\": {\"name\": \"" + name + "\", \"ram\": 128, \"vcpus\": 1, \"disk\": 1, "
                        + "\"os-flavor-access:is_public\": " + isPublic + "}}")
                .post("/v2.1/flavors").then().statusCode(200).extract().path("flavor.id");
    }
}
