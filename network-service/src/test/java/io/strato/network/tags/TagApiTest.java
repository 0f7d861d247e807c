package io.strato.network.tags;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.NetworkApi.reader;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.secgroups.TestRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The standard-attr-tag API ({@code openstack ... set --tag / unset --tag}, and the sdk's tag calls). */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class TagApiTest {
    private final String project = newProject();
    private final String token = member(project);

    private String group() {
        return as(token).body(Map.of("security_group", Map.of("name", "tagged"))).post("/v2.0/security-groups")
                .then().statusCode(201).extract().path("security_group.id");
    }

    private int revision(String group) {
        return as(token).get("/v2.0/security-groups/{id}", group).then().extract().path("security_group.revision_number");
    }

    @Test
    void setAddCheckRemoveAndClearTags() {
        String g = group();
        String tags = "/v2.0/security-groups/{id}/tags";
        as(token).get(tags, g).then().statusCode(200).body("tags", hasSize(0));
        as(token).body(Map.of("tags", List.of("web", "prod"))).put(tags, g).then().statusCode(200)
                .body("tags", equalTo(List.of("web", "prod")));
        as(token).get("/v2.0/security-groups/{id}", g).then().body("security_group.tags", containsInAnyOrder("web", "prod"))
                .body("security_group.revision_number", equalTo(1));
        as(token).put(tags + "/{tag}", g, "blue").then().statusCode(201);
        as(token).put(tags + "/{tag}", g, "blue").then().statusCode(201);
        as(token).get(tags, g).then().body("tags", containsInAnyOrder("web", "prod", "blue"));
        assertRevision(g, 2); // adding a tag that is there changes nothing
        as(token).get(tags + "/{tag}", g, "blue").then().statusCode(204);
        as(token).get(tags + "/{tag}", g, "green").then().statusCode(404).body("NeutronError.type", equalTo("TagNotFound"));
        as(token).delete(tags + "/{tag}", g, "blue").then().statusCode(204);
        as(token).delete(tags + "/{tag}", g, "blue").then().statusCode(404).body("NeutronError.type", equalTo("TagNotFound"));
        as(token).body(Map.of("tags", List.of("extra"))).post(tags, g).then().statusCode(201);
        as(token).get(tags, g).then().body("tags", containsInAnyOrder("web", "prod", "extra"));
        as(token).delete(tags, g).then().statusCode(204);
        as(token).get(tags, g).then().body("tags", hasSize(0));
        assertRevision(g, 5);
        // the list filters see the tags the API wrote
        as(token).body(Map.of("tags", List.of("only-" + g))).put(tags, g).then().statusCode(200);
        as(token).queryParam("tags", "only-" + g).get("/v2.0/security-groups").then()
                .body("security_groups.id", equalTo(List.of(g)));
    }

    private void assertRevision(String g, int expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, revision(g));
    }

    @Test
    void badTagsAre400() {
        String g = group();
        String tags = "/v2.0/security-groups/{id}/tags";
        as(token).body(Map.of("tags", List.of("a", "a"))).put(tags, g).then().statusCode(400)
                .body("NeutronError.type", equalTo("InvalidInput"));
        as(token).body(Map.of("tags", "a")).put(tags, g).then().statusCode(400);
        as(token).body(Map.of("tags", List.of(1))).put(tags, g).then().statusCode(400);
        as(token).body(Map.of("labels", List.of("a"))).put(tags, g).then().statusCode(400);
        as(token).body("{\"tags\": [").put(tags, g).then().statusCode(400);
        // the typed body keeps Neutron's messages
        as(token).body(Map.of("labels", List.of("a"))).post(tags, g).then().statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for operation: Invalid tags body"));
        as(token).body(Map.of("tags", "a")).put(tags, g).then().statusCode(400)
                .body("NeutronError.message", equalTo("Invalid input for operation: '\"a\"' is not a list"));
        as(token).body(Map.of("tags", List.of("x".repeat(256)))).put(tags, g).then().statusCode(400);
        as(token).put(tags + "/{tag}", g, "y".repeat(256)).then().statusCode(400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("t" + i);
        }
        as(token).body(Map.of("tags", many)).put(tags, g).then().statusCode(400);
        as(token).body(Map.of("tags", many.subList(0, 50))).put(tags, g).then().statusCode(200);
        as(token).put(tags + "/{tag}", g, "one-too-many").then().statusCode(400);
        as(token).get(tags, g).then().body("tags", hasSize(50));
    }

    @Test
    void othersResourcesAreNotFoundAndReadersCannotChangeTags() {
        String g = group();
        String stranger = member(newProject());
        as(stranger).get("/v2.0/security-groups/{id}/tags", g).then().statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        as(stranger).put("/v2.0/security-groups/{id}/tags/{tag}", g, "mine").then().statusCode(404);
        as(stranger).delete("/v2.0/security-groups/{id}/tags", g).then().statusCode(404);
        as(token).get("/v2.0/security-groups/{id}/tags", UUID.randomUUID()).then().statusCode(404);
        io.restassured.RestAssured.given().get("/v2.0/security-groups/{id}/tags", g).then().statusCode(401);
        as(token).get("/v2.0/security-groups/{id}/tags", "by-name").then().statusCode(404);
        as(reader(project)).get("/v2.0/security-groups/{id}/tags", g).then().statusCode(200);
        as(reader(project)).put("/v2.0/security-groups/{id}/tags/{tag}", g, "r").then().statusCode(403)
                .body("NeutronError.type", equalTo("PolicyNotAuthorized"));
        as(admin()).put("/v2.0/security-groups/{id}/tags/{tag}", g, "by-admin").then().statusCode(201);
        as(token).get("/v2.0/security-groups/{id}/tags", g).then().body("tags", equalTo(List.of("by-admin")));
    }

    @Test
    void networksAreTaggedTooAndASharedOnesTagsAreReadableButNotWritableByOthers() {
        UUID net = TestRows.network(project, false);
        as(token).body(Map.of("tags", List.of("vpc"))).put("/v2.0/networks/{id}/tags", net).then().statusCode(200);
        as(token).get("/v2.0/networks/{id}/tags", net).then().statusCode(200).body("tags", equalTo(List.of("vpc")));
        String stranger = member(newProject());
        as(stranger).get("/v2.0/networks/{id}/tags", net).then().statusCode(404)
                .body("NeutronError.type", equalTo("NetworkNotFound"));
        UUID shared = TestRows.network(project, true);
        as(token).put("/v2.0/networks/{id}/tags/{tag}", shared, "public").then().statusCode(201);
        as(stranger).get("/v2.0/networks/{id}/tags", shared).then().statusCode(200).body("tags", equalTo(List.of("public")));
        as(stranger).put("/v2.0/networks/{id}/tags/{tag}", shared, "mine").then().statusCode(403);
        as(token).get("/v2.0/ports/{id}/tags", UUID.randomUUID()).then().statusCode(404)
                .body("NeutronError.type", equalTo("PortNotFound"));
        as(token).get("/v2.0/floatingips/{id}/tags", UUID.randomUUID()).then().statusCode(404)
                .body("NeutronError.type", equalTo("FloatingIPNotFound"));
    }
}
