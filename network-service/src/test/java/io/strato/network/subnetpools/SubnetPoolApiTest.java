package io.strato.network.subnetpools;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.networks.Fixtures.network;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.secgroups.Race;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code openstack subnet pool create/list/show/set/delete} and {@code subnet create --subnet-pool}. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class SubnetPoolApiTest {
    private final String project = newProject();
    private final String me = member(project);

    private static String pool(String token, String attributes) {
        return as(token).body("{\"subnetpool\": {\"name\": \"pool-" + UUID.randomUUID() + "\", " + attributes + "}}")
                .post("/v2.0/subnetpools").then().statusCode(201).extract().path("subnetpool.id");
    }

    private static Response subnetFrom(String token, String net, String attributes) {
        return as(token).body("{\"subnet\": {\"network_id\": \"" + net + "\", " + attributes + "}}").post("/v2.0/subnets");
    }

    @Test
    void aPoolIsMadeShownListedUpdatedAndDeleted() {
        String name = "pool-" + UUID.randomUUID();
        String id = as(me).body("{\"subnetpool\": {\"name\": \"" + name + "\", \"prefixes\": [\"10.10.0.0/16\", "
                        + "\"10.11.0.0/16\", \"10.10.4.0/24\"], \"default_prefixlen\": 24, \"description\": \"d\"}}")
                .post("/v2.0/subnetpools").then().statusCode(201)
                .body("subnetpool.name", equalTo(name))
                .body("subnetpool.prefixes", equalTo(List.of("10.10.0.0/15")))
                .body("subnetpool.ip_version", equalTo(4))
                .body("subnetpool.default_prefixlen", equalTo(24))
                .body("subnetpool.min_prefixlen", equalTo(8))
                .body("subnetpool.max_prefixlen", equalTo(32))
                .body("subnetpool.default_quota", nullValue())
                .body("subnetpool.shared", equalTo(false))
                .body("subnetpool.is_default", equalTo(false))
                .body("subnetpool.address_scope_id", nullValue())
                .body("subnetpool.tags", equalTo(List.of()))
                .body("subnetpool.project_id", equalTo(project))
                .body("subnetpool.tenant_id", equalTo(project))
                .body("subnetpool.description", equalTo("d"))
                .body("subnetpool.revision_number", equalTo(0))
                .extract().path("subnetpool.id");
        as(me).get("/v2.0/subnetpools/{id}", id).then().statusCode(200).body("subnetpool.name", equalTo(name));
        as(me).get("/v2.0/subnetpools?name=" + name).then().statusCode(200).body("subnetpools.id", equalTo(List.of(id)));
        as(me).get("/v2.0/subnetpools?fields=id&fields=prefixes&id=" + id).then().statusCode(200)
                .body("subnetpools[0].keySet()", equalTo(new HashSet<>(List.of("id", "prefixes"))));
        as(me).body("{\"subnetpool\": {\"name\": \"renamed\", \"prefixes\": [\"10.10.0.0/15\", \"10.20.0.0/16\"], "
                        + "\"min_prefixlen\": 16, \"default_quota\": 4096}}")
                .put("/v2.0/subnetpools/{id}", id).then().statusCode(200)
                .body("subnetpool.name", equalTo("renamed"))
                .body("subnetpool.prefixes", equalTo(List.of("10.10.0.0/15", "10.20.0.0/16")))
                .body("subnetpool.min_prefixlen", equalTo(16))
                .body("subnetpool.default_quota", equalTo(4096))
                .body("subnetpool.revision_number", equalTo(1));
        // prefixes only grow
        as(me).body("{\"subnetpool\": {\"prefixes\": [\"10.10.0.0/16\"]}}").put("/v2.0/subnetpools/{id}", id)
                .then().statusCode(400).body("NeutronError.type", equalTo("IllegalSubnetPoolPrefixUpdate"));
        as(me).body("{\"subnetpool\": {\"default_prefixlen\": 8}}").put("/v2.0/subnetpools/{id}", id)
                .then().statusCode(400).body("NeutronError.type", equalTo("IllegalSubnetPoolPrefixBounds"));
        as(me).body("{\"subnetpool\": {\"shared\": true}}").put("/v2.0/subnetpools/{id}", id).then().statusCode(400);
        as(me).delete("/v2.0/subnetpools/{id}", id).then().statusCode(204);
        as(me).get("/v2.0/subnetpools/{id}", id).then().statusCode(404)
                .body("NeutronError.type", equalTo("SubnetPoolNotFound"))
                .body("NeutronError.message", equalTo("Subnet pool " + id + " could not be found."));
    }

    @Test
    void badPoolsAreRefusedInNeutronsWords() {
        String base = "{\"subnetpool\": {\"name\": \"p\", ";
        as(me).body("{\"subnetpool\": {\"prefixes\": [\"10.0.0.0/8\"]}}").post("/v2.0/subnetpools").then().statusCode(400)
                .body("NeutronError.message", containsString("'name'"));
        as(me).body("{\"subnetpool\": {\"name\": \"p\"}}").post("/v2.0/subnetpools").then().statusCode(400)
                .body("NeutronError.message", containsString("'prefixes'"));
        as(me).body(base + "\"prefixes\": []}}").post("/v2.0/subnetpools").then().statusCode(400)
                .body("NeutronError.type", equalTo("EmptySubnetPoolPrefixList"));
        as(me).body(base + "\"prefixes\": [\"10.0.0.0/8\", \"2001:db8::/32\"]}}").post("/v2.0/subnetpools").then()
                .statusCode(400).body("NeutronError.type", equalTo("PrefixVersionMismatch"));
        as(me).body(base + "\"prefixes\": [\"10.0.300.0/24\"]}}").post("/v2.0/subnetpools").then().statusCode(400)
                .body("NeutronError.type", equalTo("InvalidInput"));
        as(me).body(base + "\"prefixes\": [\"10.0.0.0/8\"], \"min_prefixlen\": 28, \"max_prefixlen\": 24}}")
                .post("/v2.0/subnetpools").then().statusCode(400).body("NeutronError.type", equalTo("IllegalSubnetPoolPrefixBounds"));
        as(me).body(base + "\"prefixes\": [\"10.0.0.0/8\"], \"default_quota\": -1}}").post("/v2.0/subnetpools").then()
                .statusCode(400).body("NeutronError.type", equalTo("InvalidInput"));
        as(me).body(base + "\"prefixes\": [\"10.0.0.0/8\"], \"default_prefixlen\": \"x\"}}").post("/v2.0/subnetpools").then()
                .statusCode(400).body("NeutronError.type", equalTo("InvalidInput"));
        as(me).body(base + "\"prefixes\": [\"10.0.0.0/8\"], \"address_scope_id\": \"" + UUID.randomUUID() + "\"}}")
                .post("/v2.0/subnetpools").then().statusCode(404).body("NeutronError.type", equalTo("AddressScopeNotFound"));
        as(me).body(base + "\"prefixes\": [\"10.0.0.0/8\"], \"colour\": \"red\"}}").post("/v2.0/subnetpools").then()
                .statusCode(400).body("NeutronError.type", equalTo("HTTPBadRequest"));
        // sharing a pool and making it the default are the admin's
        as(me).body(base + "\"prefixes\": [\"10.0.0.0/8\"], \"shared\": true}}").post("/v2.0/subnetpools").then()
                .statusCode(403).body("NeutronError.type", equalTo("PolicyNotAuthorized"));
        as(me).body(base + "\"prefixes\": [\"10.0.0.0/8\"], \"is_default\": true}}").post("/v2.0/subnetpools").then()
                .statusCode(403);
    }

    @Test
    void subnetsAreAllocatedFromThePoolsFreeSpace() {
        String pool = pool(me, "\"prefixes\": [\"10.20.0.0/16\"], \"default_prefixlen\": 24, \"max_prefixlen\": 28");
        String net = network(me);
        String first = subnetFrom(me, net, "\"ip_version\": 4, \"subnetpool_id\": \"" + pool + "\"").then().statusCode(201)
                .body("subnet.cidr", equalTo("10.20.0.0/24"))
                .body("subnet.subnetpool_id", equalTo(pool))
                .body("subnet.gateway_ip", equalTo("10.20.0.1"))
                .body("subnet.allocation_pools[0].start", equalTo("10.20.0.2"))
                .extract().path("subnet.id");
        // the next /26 is cut from the smallest free block that holds one (10.20.1.0/24)
        String second = subnetFrom(me, net, "\"subnetpool_id\": \"" + pool + "\", \"prefixlen\": 26").then().statusCode(201)
                .body("subnet.cidr", equalTo("10.20.1.0/26")).body("subnet.ip_version", equalTo(4)).extract().path("subnet.id");
        // a given CIDR must be free in the pool
        subnetFrom(me, net, "\"subnetpool_id\": \"" + pool + "\", \"cidr\": \"10.20.0.0/25\"").then().statusCode(409)
                .body("NeutronError.type", equalTo("SubnetAllocationError"));
        subnetFrom(me, network(me), "\"subnetpool_id\": \"" + pool + "\", \"cidr\": \"10.21.0.0/24\"").then().statusCode(409)
                .body("NeutronError.type", equalTo("SubnetAllocationError"));
        String third = subnetFrom(me, net, "\"subnetpool_id\": \"" + pool + "\", \"cidr\": \"10.20.7.0/24\"").then()
                .statusCode(201).body("subnet.cidr", equalTo("10.20.7.0/24")).extract().path("subnet.id");
        subnetFrom(me, net, "\"subnetpool_id\": \"" + pool + "\", \"prefixlen\": 29").then().statusCode(400)
                .body("NeutronError.type", equalTo("MaxPrefixSubnetAllocationError"));
        subnetFrom(me, net, "\"subnetpool_id\": \"" + pool + "\", \"prefixlen\": 7").then().statusCode(400)
                .body("NeutronError.type", equalTo("MinPrefixSubnetAllocationError"));
        subnetFrom(me, net, "\"subnetpool_id\": \"" + pool + "\", \"ip_version\": 6").then().statusCode(400)
                .body("NeutronError.message", containsString("Cannot allocate IPv6 subnet from IPv4 subnet pool"));
        subnetFrom(me, net, "\"subnetpool_id\": \"" + UUID.randomUUID() + "\"").then().statusCode(404)
                .body("NeutronError.type", equalTo("SubnetPoolNotFound"));
        as(me).get("/v2.0/subnets?subnetpool_id=" + pool).then().statusCode(200).body("subnets.size()", equalTo(3));
        // subnets of one IP version on a network come from one pool, or none
        subnetFrom(me, net, "\"cidr\": \"192.168.50.0/24\"").then().statusCode(400)
                .body("NeutronError.type", equalTo("NetworkSubnetPoolAffinityError"));
        // a pool subnets were allocated from stays
        as(me).delete("/v2.0/subnetpools/{id}", pool).then().statusCode(400)
                .body("NeutronError.type", equalTo("SubnetPoolDeleteError"))
                .body("NeutronError.message", equalTo("Unable to delete subnet pool: Subnet pool has existing allocations."));
        for (String s : List.of(first, second, third)) {
            as(me).delete("/v2.0/subnets/{id}", s).then().statusCode(204);
        }
        as(me).delete("/v2.0/subnetpools/{id}", pool).then().statusCode(204);
    }

    @Test
    void aPoolIsOnlyUsableByThoseWhoSeeIt() {
        String privatePool = pool(me, "\"prefixes\": [\"10.40.0.0/16\"], \"default_prefixlen\": 24");
        String other = member(newProject());
        as(other).get("/v2.0/subnetpools/{id}", privatePool).then().statusCode(404);
        as(other).get("/v2.0/subnetpools").then().statusCode(200).body("subnetpools.id", not(hasItem(privatePool)));
        subnetFrom(other, network(other), "\"subnetpool_id\": \"" + privatePool + "\"").then().statusCode(404)
                .body("NeutronError.type", equalTo("SubnetPoolNotFound"));
        as(other).delete("/v2.0/subnetpools/{id}", privatePool).then().statusCode(404);
        String shared = pool(admin(), "\"prefixes\": [\"10.41.0.0/16\"], \"default_prefixlen\": 24, \"shared\": true, "
                + "\"project_id\": \"" + newProject() + "\"");
        as(other).get("/v2.0/subnetpools").then().body("subnetpools.id", hasItem(shared));
        subnetFrom(other, network(other), "\"subnetpool_id\": \"" + shared + "\"").then().statusCode(201)
                .body("subnet.cidr", equalTo("10.41.0.0/24"));
        // seen through sharing, not owned: the owner's rules apply
        as(other).body("{\"subnetpool\": {\"name\": \"mine\"}}").put("/v2.0/subnetpools/{id}", shared).then().statusCode(403);
        as(other).delete("/v2.0/subnetpools/{id}", shared).then().statusCode(403);
    }

    @Test
    void concurrentAllocationsFromOnePoolNeverShareAPrefix() throws Exception {
        // a /22 holds four /24s: eight racing creates get four distinct ones. Each comes from a project and a
        // network of its own (a shared pool), so that only the pool's lock orders them: one project's creates
        // already queue on its quota row, one network's on the network's lock
        String pool = pool(admin(), "\"prefixes\": [\"10.50.0.0/22\"], \"default_prefixlen\": 24, \"shared\": true, "
                + "\"project_id\": \"" + newProject() + "\"");
        List<String> tokens = new ArrayList<>();
        List<String> nets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(member(newProject()));
            nets.add(network(tokens.get(i)));
        }
        AtomicInteger next = new AtomicInteger();
        List<Response> answers = Race.of(8, () -> {
            int i = next.getAndIncrement();
            return subnetFrom(tokens.get(i), nets.get(i), "\"subnetpool_id\": \"" + pool + "\"");
        });
        List<String> cidrs = new ArrayList<>();
        for (Response r : answers) {
            if (r.statusCode() == 201) {
                cidrs.add(r.path("subnet.cidr"));
            } else {
                assertEquals(409, r.statusCode(), r.asString());
                assertEquals("SubnetAllocationError", r.path("NeutronError.type"));
            }
        }
        assertEquals(4, cidrs.size(), cidrs.toString());
        assertEquals(new HashSet<>(List.of("10.50.0.0/24", "10.50.1.0/24", "10.50.2.0/24", "10.50.3.0/24")),
                new HashSet<>(cidrs));
    }

    @Test
    void useDefaultSubnetpoolTakesTheDefaultPoolOfTheVersion() {
        String admin = admin();
        // one default per IP version in the whole cloud: an earlier run's is unset first
        List<String> defaults = as(admin).get("/v2.0/subnetpools?is_default=True&ip_version=6").then().statusCode(200)
                .extract().path("subnetpools.id");
        for (String d : defaults) {
            as(admin).body("{\"subnetpool\": {\"is_default\": false}}").put("/v2.0/subnetpools/{id}", d).then().statusCode(200);
        }
        String pool = pool(admin, "\"prefixes\": [\"2001:db8:60::/48\"], \"is_default\": true, \"shared\": true, "
                + "\"project_id\": \"" + newProject() + "\"");
        try {
            as(admin).body("{\"subnetpool\": {\"name\": \"second\", \"prefixes\": [\"2001:db8:61::/48\"], \"is_default\": true}}")
                    .post("/v2.0/subnetpools").then().statusCode(400).body("NeutronError.message",
                            containsString("Only one default may exist per IP family"));
            subnetFrom(me, network(me), "\"use_default_subnetpool\": true, \"ip_version\": 6").then().statusCode(201)
                    .body("subnet.subnetpool_id", equalTo(pool))
                    .body("subnet.cidr", equalTo("2001:db8:60::/64"));
            subnetFrom(me, network(me), "\"use_default_subnetpool\": true, \"subnetpool_id\": \"" + pool + "\", "
                    + "\"ip_version\": 6").then().statusCode(400);
            as(me).body("{\"subnetpool\": {\"is_default\": false}}").put("/v2.0/subnetpools/{id}", pool).then().statusCode(403);
        } finally {
            as(admin).body("{\"subnetpool\": {\"is_default\": false}}").put("/v2.0/subnetpools/{id}", pool).then()
                    .statusCode(200).body("subnetpool.is_default", equalTo(false));
        }
        subnetFrom(me, network(me), "\"use_default_subnetpool\": true, \"ip_version\": 6").then().statusCode(400)
                .body("NeutronError.message", containsString("No default subnetpool found for IPv6"));
    }

    @Test
    void poolsCarryTagsAndTheExtensionIsAdvertised() {
        String pool = pool(me, "\"prefixes\": [\"10.70.0.0/16\"], \"tags\": [\"a\"]");
        as(me).put("/v2.0/subnetpools/{id}/tags/{t}", pool, "blue").then().statusCode(201);
        as(me).get("/v2.0/subnetpools/{id}/tags", pool).then().statusCode(200).body("tags", equalTo(List.of("a", "blue")));
        as(me).get("/v2.0/subnetpools?tags=blue&id=" + pool).then().body("subnetpools.id", equalTo(List.of(pool)));
        as(me).get("/v2.0/subnetpools/{id}", pool).then().body("subnetpool.revision_number", equalTo(1));
        as(me).delete("/v2.0/subnetpools/{id}/tags", pool).then().statusCode(204);
        as(member(newProject())).get("/v2.0/subnetpools/{id}/tags", pool).then().statusCode(404)
                .body("NeutronError.type", equalTo("SubnetPoolNotFound"));
        as(me).get("/v2.0/extensions").then().body("extensions.alias", hasItem("subnet_allocation"))
                .body("extensions.alias", hasItem("default-subnetpools"));
    }
}
