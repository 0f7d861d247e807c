package io.strato.network;

import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bodies bound to typed records (networks, subnets, security groups and rules, routers, floating IPs) still
 * get Neutron's own 400s: unknown attributes, wrong types, a wrong wrapper, malformed JSON.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class TypedBodiesTest {
    private static final Map<String, String> COLLECTIONS = Map.of("networks", "network", "subnets", "subnet",
            "security-groups", "security_group", "security-group-rules", "security_group_rule",
            "routers", "router", "floatingips", "floatingip");
    private final String me = member(newProject());

    @Test
    void unknownAttributesAndAWrongWrapperAreNeutronsFourHundreds() {
        COLLECTIONS.forEach((collection, key) -> {
            as(me).body("{\"" + key + "\": {\"colour\": \"red\", \"bogus\": null}}").post("/v2.0/" + collection)
                    .then().statusCode(400)
                    .body("NeutronError.type", equalTo("HTTPBadRequest"))
                    .body("NeutronError.message", equalTo("Unrecognized attribute(s) 'bogus, colour'"));
            as(me).body("{\"wrong\": {}}").post("/v2.0/" + collection).then().statusCode(400)
                    .body("NeutronError.message",
                            equalTo("Resource body required: the request body must be {\"" + key + "\": {...}}."));
        });
    }

    @Test
    void wrongTypesKeepNeutronsMessages() {
        for (String collection : new String[] {"networks", "security-groups", "routers"}) {
            String key = COLLECTIONS.get(collection);
            as(me).body("{\"" + key + "\": {\"name\": 5}}").post("/v2.0/" + collection).then().statusCode(400)
                    .body("NeutronError.type", equalTo("InvalidInput"))
                    .body("NeutronError.message", equalTo("Invalid input for operation: '5' is not a valid string for name."));
        }
        as(me).body("{\"subnet\": {\"cidr\": \"10.0.0.0/24\"}}").post("/v2.0/subnets").then().statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for operation: network_id is required."));
        as(me).body("{\"security_group_rule\": {\"direction\": \"ingress\"}}").post("/v2.0/security-group-rules")
                .then().statusCode(400).body("NeutronError.message",
                        equalTo("Failed to parse request. Required attribute 'security_group_id' not specified"));
        as(me).body("{\"network\": ").post("/v2.0/networks").then().statusCode(400)
                .body("NeutronError.message", startsWith("Malformed JSON in request body: "));
    }

    @Test
    void updatesRefuseTheCreateOnlyAttributes() {
        String network = as(me).body("{\"network\": {\"name\": \"n\"}}").post("/v2.0/networks").then().statusCode(201)
                .extract().path("network.id");
        as(me).body("{\"network\": {\"tags\": [\"a\"]}}").put("/v2.0/networks/{id}", network).then().statusCode(400)
                .body("NeutronError.message", equalTo("Unrecognized attribute(s) 'tags'"));
        as(me).body("{\"network\": {\"name\": \"renamed\", \"description\": null}}").put("/v2.0/networks/{id}", network)
                .then().statusCode(200).body("network.name", equalTo("renamed"));
    }

    @Test
    void routerInterfaceBodiesAreNotWrapped() {
        String router = as(me).body("{\"router\": {\"name\": \"r\"}}").post("/v2.0/routers").then().statusCode(201)
                .extract().path("router.id");
        as(me).body("{\"subnet_id\": 5}").put("/v2.0/routers/{id}/add_router_interface", router).then().statusCode(400)
                .body("NeutronError.message", equalTo("Bad router request: '5' is not a valid UUID."));
        as(me).body("{}").put("/v2.0/routers/{id}/add_router_interface", router).then().statusCode(400)
                .body("NeutronError.message", equalTo("Bad router request: Either subnet_id or port_id must be specified."));
        as(me).body("{\"router\": {}}").put("/v2.0/routers/{id}/add_extraroutes", router).then().statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for routes. Reason: routes must be given."));
    }
}
