package io.strato.compute.catalog;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every typed request body answers a body it cannot use with Nova's 400 ({@code badRequest}), never a 500: JSON
 * that does not parse, JSON of the wrong shape, a member Nova does not know, a value of the wrong type, no body.
 */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class RequestBodyTest {
    private final String project = newProject();
    private final String server = "/v2.1/servers/" + UUID.randomUUID();

    /** Each (method, path, token) that takes a body. */
    private List<String[]> endpoints() {
        String admin = admin();
        String member = member(project);
        return List.of(
                new String[] {"POST", "/v2.1/flavors", admin},
                new String[] {"POST", "/v2.1/flavors/1/action", admin},
                new String[] {"POST", "/v2.1/flavors/1/os-extra_specs", admin},
                new String[] {"PUT", "/v2.1/flavors/1/os-extra_specs/hw:cpu_policy", admin},
                new String[] {"POST", "/v2.1/os-keypairs", member},
                new String[] {"POST", "/v2.1/os-server-groups", member},
                new String[] {"PUT", "/v2.1/os-quota-sets/" + project, admin},
                new String[] {"PUT", "/v2.1/os-services/disable", admin},
                new String[] {"POST", "/v2.1/os-aggregates", admin},
                new String[] {"PUT", "/v2.1/os-aggregates/1", admin},
                new String[] {"POST", "/v2.1/os-aggregates/1/action", admin},
                new String[] {"PUT", server, member},
                new String[] {"POST", server + "/action", member},
                new String[] {"POST", server + "/os-volume_attachments", member},
                new String[] {"POST", server + "/metadata", member},
                new String[] {"PUT", server + "/metadata", member},
                new String[] {"PUT", server + "/metadata/k", member});
    }

    @Test
    void malformedJsonIsNovasBadRequest() {
        for (String[] e : endpoints()) {
            as(e[2]).body("{\"oops\": ").request(e[0], e[1]).then().statusCode(400)
                    .body("badRequest.code", equalTo(400))
                    .body("badRequest.message", startsWith("Malformed JSON in request body"));
        }
    }

    @Test
    void aBodyOfTheWrongShapeIsNovasBadRequest() {
        for (String[] e : endpoints()) {
            as(e[2]).body("[1, 2]").request(e[0], e[1]).then().statusCode(400)
                    .body("badRequest.code", equalTo(400));
        }
    }

    @Test
    void noBodyIsNovasBadRequest() {
        for (String[] e : endpoints()) {
            as(e[2]).request(e[0], e[1]).then().statusCode(400)
                    .body("badRequest.message", equalTo("The request body is missing."));
        }
    }

    @Test
    void unknownMembersKeepNovasMessages() {
        as(admin()).body("{\"flavor\": {\"name\": \"x\", \"ram\": 1, \"vcpus\": 1, \"disk\": 1, \"colour\": 1}}")
                .post("/v2.1/flavors").then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('colour' was unexpected)"));
        as(admin()).body("{\"flavor\": {\"name\": \"x\", \"ram\": 1, \"vcpus\": 1, \"disk\": 1}, \"colour\": 1}")
                .post("/v2.1/flavors").then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('colour' was unexpected)"));
        as(member(project)).body("{\"keypair\": {\"name\": \"k\", \"type\": \"ssh\"}}")
                .post("/v2.1/os-keypairs").then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('type' was unexpected)"));
        as(member(project)).body("{\"server_group\": {\"name\": \"g\", \"policies\": [\"affinity\"], \"rules\": {}}}")
                .post("/v2.1/os-server-groups").then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('rules' was unexpected)"));
        as(admin()).body("{\"quota_set\": {\"instances\": 5, \"gigawatts\": 1}}")
                .put("/v2.1/os-quota-sets/" + project).then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('gigawatts' was unexpected)"));
        as(admin()).body("{\"host\": \"h\", \"binary\": \"nova-compute\", \"disabled_reason\": \"r\"}")
                .put("/v2.1/os-services/disable").then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('disabled_reason' was unexpected)"));
        as(admin()).body("{\"addTenantAccess\": {\"tenant\": \"p\", \"x\": 1}}")
                .post("/v2.1/flavors/1/action").then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('x' was unexpected)"));
        as(admin()).body("{\"extra_specs\": {}, \"x\": 1}")
                .post("/v2.1/flavors/1/os-extra_specs").then().statusCode(400)
                .body("badRequest.message", equalTo("Additional properties are not allowed ('x' was unexpected)"));
        as(member(project)).body("{\"server\": {\"name\": \"n\", \"colour\": \"red\"}}").put(server).then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute server. Additional properties are not allowed ('colour' was unexpected)"));
        as(member(project)).body("{\"volumeAttachment\": {\"volumeId\": \"" + UUID.randomUUID() + "\", \"tag\": \"t\"}}")
                .post(server + "/os-volume_attachments").then().statusCode(400)
                .body("badRequest.message", startsWith("Invalid input for field/attribute volumeAttachment. Value: "));
        as(member(project)).body("{\"frobnicate\": null}").post(server + "/action").then().statusCode(400)
                .body("badRequest.message", equalTo("There is no such action: frobnicate"));
        as(admin()).body("{\"frobnicate\": {}}").post("/v2.1/flavors/1/action").then().statusCode(400)
                .body("badRequest.message", equalTo("There is no such action: frobnicate"));
    }

    @Test
    void valuesOfTheWrongTypeKeepNovasMessages() {
        as(admin()).body("{\"flavor\": {\"name\": 5, \"ram\": 1, \"vcpus\": 1, \"disk\": 1}}")
                .post("/v2.1/flavors").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute name. Value: 5. 5 is not of type 'string'"));
        as(admin()).body("{\"flavor\": {\"name\": \"x\", \"ram\": \"lots\", \"vcpus\": 1, \"disk\": 1}}")
                .post("/v2.1/flavors").then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute ram. Value: lots. \"lots\" is not of type 'integer', 'string'"));
        as(member(project)).body("{\"keypair\": {\"name\": \"k\", \"public_key\": 7}}")
                .post("/v2.1/os-keypairs").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute public_key. Value: 7. 7 is not of type 'string'"));
        as(admin()).body("{\"quota_set\": {\"instances\": true}}")
                .put("/v2.1/os-quota-sets/" + project).then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute instances. Value: true. true is not of type 'integer', 'string'"));
        as(admin()).body("{\"host\": [], \"binary\": \"nova-compute\"}")
                .put("/v2.1/os-services/enable").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute host. Value: []. [] is not of type 'string'"));
        as(member(project)).body("{\"volumeAttachment\": {\"volumeId\": 12}}")
                .post(server + "/os-volume_attachments").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute volumeId. Value: 12. '12' is not a 'uuid'"));
        as(member(project)).body("{\"reboot\": {\"type\": \"GENTLE\"}}").post(server + "/action").then().statusCode(400)
                .body("badRequest.message", equalTo("Invalid input for field/attribute type. Value: GENTLE. 'GENTLE' is not one of "
                        + "['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']"));
        as(member(project)).body("{\"os-getConsoleOutput\": {\"length\": \"x\"}}").post(server + "/action").then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute length. Value: \"x\". \"x\" is not of type 'integer', 'string'"));
        as(member(project)).body("{\"server\": {\"OS-DCF:diskConfig\": \"SOMETIMES\"}}").put(server).then().statusCode(400)
                .body("badRequest.code", equalTo(400));
    }

    @Test
    void missingWrappersKeepNovasMessages() {
        as(admin()).body("{}").post("/v2.1/flavors").then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute flavor. Value: None. 'flavor' is a required property"));
        as(admin()).body("{}").put("/v2.1/os-quota-sets/" + project).then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute quota_set. Value: None. 'quota_set' is a required property"));
        as(member(project)).body("{}").put(server).then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Invalid input for field/attribute server. Value: None. 'server' is a required property"));
        as(member(project)).body("{}").post(server + "/os-volume_attachments").then().statusCode(400)
                .body("badRequest.message", equalTo(
                        "Resource body required: the request body must be {\"volumeAttachment\": {...}}."));
        as(member(project)).body("{}").post(server + "/action").then().statusCode(400)
                .body("badRequest.message", equalTo("The request body must name one action."));
        as(admin()).body("{\"hw:cpu_policy\": \"dedicated\", \"hw:mem_page_size\": \"large\"}")
                .put("/v2.1/flavors/1/os-extra_specs/hw:cpu_policy").then().statusCode(400)
                .body("badRequest.message", equalTo("Request body contains too many items"));
    }
}
