package io.strato.network.secgroups;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.NetworkApi.reader;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code openstack security group create/list/show/set/delete} as a project member, and what Neutron refuses. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class SecurityGroupApiTest {
    private final String project = newProject();

    static String create(String token, String name) {
        return as(token).body(Map.of("security_group", Map.of("name", name, "description", "d-" + name)))
                .post("/v2.0/security-groups").then().statusCode(201).extract().path("security_group.id");
    }

    @Test
    void aNewProjectSeesExactlyOneDefaultGroupEvenWhenFirstListsRace() throws Exception {
        String token = member(project);
        for (JsonPath list : Race.of(12, () -> as(token).get("/v2.0/security-groups").then().statusCode(200).extract().jsonPath())) {
            assertEquals(List.of("default"), list.getList("security_groups.name"), "every first list shows the one default group");
        }
        as(admin()).queryParam("project_id", project).get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups", hasSize(1));
    }

    @Test
    void theDefaultGroupHasNeutronsFourRules() {
        JsonPath sg = as(member(project)).queryParam("name", "default").get("/v2.0/security-groups")
                .then().statusCode(200).body("security_groups", hasSize(1)).extract().jsonPath();
        String id = sg.getString("security_groups[0].id");
        List<Map<String, Object>> rules = sg.getList("security_groups[0].security_group_rules");
        assertEquals(4, rules.size());
        List<String> shapes = rules.stream().map(r -> r.get("direction") + "/" + r.get("ethertype") + "/"
                + (id.equals(r.get("remote_group_id")) ? "self" : r.get("remote_group_id"))
                + "/" + r.get("protocol") + "/" + r.get("remote_ip_prefix")).toList();
        org.hamcrest.MatcherAssert.assertThat(shapes, containsInAnyOrder("egress/IPv4/null/null/null",
                "egress/IPv6/null/null/null", "ingress/IPv4/self/null/null", "ingress/IPv6/self/null/null"));
        sg.getList("security_groups[0].security_group_rules.belongs_to_default_sg")
                .forEach(b -> assertEquals(true, b));
    }

    @Test
    void createShowListUpdateAndDelete() {
        String token = member(project);
        String id = as(token).body(Map.of("security_group", Map.of("name", "web", "description", "web servers")))
                .post("/v2.0/security-groups").then().statusCode(201)
                .body("security_group.name", equalTo("web"))
                .body("security_group.description", equalTo("web servers"))
                .body("security_group.stateful", equalTo(true))
                .body("security_group.shared", equalTo(false))
                .body("security_group.project_id", equalTo(project))
                .body("security_group.tenant_id", equalTo(project))
                .body("security_group.tags", hasSize(0))
                .body("security_group.revision_number", equalTo(0))
                .body("security_group.created_at", notNullValue())
                // Neutron gives a new group its egress rules, and nothing in
                .body("security_group.security_group_rules.direction", everyItem(equalTo("egress")))
                .body("security_group.security_group_rules.ethertype", containsInAnyOrder("IPv4", "IPv6"))
                .extract().path("security_group.id");
        as(token).get("/v2.0/security-groups/{id}", id).then().statusCode(200)
                .body("security_group.id", equalTo(id)).body("security_group.security_group_rules", hasSize(2));
        as(token).queryParam("fields", "id").queryParam("fields", "name").get("/v2.0/security-groups/{id}", id)
                .then().statusCode(200).body("security_group.size()", equalTo(2));
        as(token).queryParam("name", "web").queryParam("fields", "id").get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups.id", equalTo(List.of(id)));
        as(token).body(Map.of("security_group", Map.of("name", "web2", "description", "")))
                .put("/v2.0/security-groups/{id}", id).then().statusCode(200)
                .body("security_group.name", equalTo("web2")).body("security_group.description", equalTo(""))
                .body("security_group.revision_number", equalTo(1));
        as(reader(project)).delete("/v2.0/security-groups/{id}", id).then().statusCode(403)
                .body("NeutronError.type", equalTo("PolicyNotAuthorized"));
        as(token).delete("/v2.0/security-groups/{id}", id).then().statusCode(204);
        as(token).get("/v2.0/security-groups/{id}", id).then().statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        as(token).delete("/v2.0/security-groups/{id}", id).then().statusCode(404);
    }

    @Test
    void aNameIsNotAnIdSoTheClientsLookupByNameWorks() {
        String token = member(project);
        create(token, "by-name");
        as(token).get("/v2.0/security-groups/by-name").then().statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        as(token).queryParam("name", "by-name").get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups", hasSize(1));
    }

    @Test
    void theDefaultGroupKeepsItsNameAndOnlyAnAdminDeletesIt() {
        String token = member(project);
        as(token).body(Map.of("security_group", Map.of("name", "default"))).post("/v2.0/security-groups")
                .then().statusCode(409).body("NeutronError.type", equalTo("SecurityGroupDefaultAlreadyExists"));
        as(token).body(Map.of("security_group", Map.of("name", "Default"))).post("/v2.0/security-groups")
                .then().statusCode(409);
        String def = as(token).queryParam("name", "default").get("/v2.0/security-groups").then().statusCode(200)
                .extract().path("security_groups[0].id");
        as(token).body(Map.of("security_group", Map.of("name", "renamed"))).put("/v2.0/security-groups/{id}", def)
                .then().statusCode(409).body("NeutronError.type", equalTo("SecurityGroupCannotUpdateDefault"));
        as(token).body(Map.of("security_group", Map.of("description", "ours"))).put("/v2.0/security-groups/{id}", def)
                .then().statusCode(200).body("security_group.description", equalTo("ours"));
        String other = create(token, "other");
        as(token).body(Map.of("security_group", Map.of("name", "default"))).put("/v2.0/security-groups/{id}", other)
                .then().statusCode(409).body("NeutronError.type", equalTo("SecurityGroupDefaultAlreadyExists"));
        as(token).delete("/v2.0/security-groups/{id}", def).then().statusCode(409)
                .body("NeutronError.type", equalTo("SecurityGroupCannotRemoveDefault"));
        as(admin()).delete("/v2.0/security-groups/{id}", def).then().statusCode(204);
        // the next use makes a new one
        as(token).queryParam("name", "default").get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups", hasSize(1)).body("security_groups[0].id", not(equalTo(def)));
    }

    @Test
    void aGroupAPortUsesCannotBeDeleted() {
        String token = member(project);
        String id = create(token, "in-use");
        UUID port = TestRows.portUsing(project, UUID.fromString(id));
        as(token).delete("/v2.0/security-groups/{id}", id).then().statusCode(409)
                .body("NeutronError.type", equalTo("SecurityGroupInUse"))
                .body("NeutronError.message", equalTo("Security Group " + id + " in use."));
        as(token).body(Map.of("security_group", Map.of("stateful", false))).put("/v2.0/security-groups/{id}", id)
                .then().statusCode(409).body("NeutronError.type", equalTo("SecurityGroupInUse"));
        TestRows.deletePort(port);
        as(token).delete("/v2.0/security-groups/{id}", id).then().statusCode(204);
    }

    @Test
    void anotherProjectsGroupIsNotFoundButAnAdminSeesIt() {
        String mine = create(member(project), "private");
        String stranger = member(newProject());
        as(stranger).get("/v2.0/security-groups/{id}", mine).then().statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        as(stranger).body(Map.of("security_group", Map.of("name", "x"))).put("/v2.0/security-groups/{id}", mine)
                .then().statusCode(404);
        as(stranger).delete("/v2.0/security-groups/{id}", mine).then().statusCode(404);
        as(stranger).get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups.id", not(hasItem(mine)))
                .body("security_groups.project_id", everyItem(not(equalTo(project))));
        as(admin()).get("/v2.0/security-groups/{id}", mine).then().statusCode(200);
        as(admin()).queryParam("project_id", project).get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups.id", hasItem(mine));
        as(member(project)).body(Map.of("security_group", Map.of("name", "theirs", "project_id", newProject())))
                .post("/v2.0/security-groups").then().statusCode(403);
    }

    @Test
    void badBodiesAre400() {
        String token = member(project);
        as(token).body("{\"security_group\": ").post("/v2.0/security-groups").then().statusCode(400)
                .body("NeutronError", notNullValue());
        as(token).body(Map.of("security_group", Map.of("name", "x", "colour", "red"))).post("/v2.0/security-groups")
                .then().statusCode(400).body("NeutronError.type", equalTo("HTTPBadRequest"));
        as(token).body(Map.of("security_group", Map.of("name", "x".repeat(256)))).post("/v2.0/security-groups")
                .then().statusCode(400);
        as(token).body(Map.of("security_group", Map.of("stateful", "maybe"))).post("/v2.0/security-groups")
                .then().statusCode(400);
        as(token).body(Map.of("security_group", Map.of("tags", List.of("a", "a")))).post("/v2.0/security-groups")
                .then().statusCode(400);
        as(token).queryParam("shared", "True").get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups", hasSize(0));
    }

    @Test
    void theGroupQuotaCountsTheDefaultGroupAndHoldsUnderRacingCreates() throws Exception {
        as(admin()).body(Map.of("quota", Map.of("security_group", 4))).put("/v2.0/quotas/{p}", project)
                .then().statusCode(200);
        String token = member(project);
        AtomicInteger n = new AtomicInteger();
        List<Integer> statuses = Race.of(8, () -> as(token).body(Map.of("security_group", Map.of("name", "q" + n.incrementAndGet())))
                .post("/v2.0/security-groups").then().extract().statusCode());
        // the default group takes one of the four
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        as(token).body(Map.of("security_group", Map.of("name", "one-more"))).post("/v2.0/security-groups")
                .then().statusCode(409).body("NeutronError.type", equalTo("OverQuota"));
        as(token).get("/v2.0/security-groups").then().body("security_groups", hasSize(4));
    }

    @Test
    void tagsGivenAtCreateAreKeptAndFilterTheList() {
        String token = member(project);
        String red = as(token).body(Map.of("security_group", Map.of("name", "red", "tags", List.of("colour", "red"))))
                .post("/v2.0/security-groups").then().statusCode(201)
                .body("security_group.tags", containsInAnyOrder("colour", "red")).extract().path("security_group.id");
        String blue = as(token).body(Map.of("security_group", Map.of("name", "blue", "tags", List.of("colour", "blue"))))
                .post("/v2.0/security-groups").then().statusCode(201).extract().path("security_group.id");
        as(token).queryParam("tags", "colour,red").get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups.id", equalTo(List.of(red)));
        as(token).queryParam("tags-any", "red,blue").get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups.id", containsInAnyOrder(red, blue));
        as(token).queryParam("not-tags", "red").queryParam("tags", "colour").get("/v2.0/security-groups")
                .then().statusCode(200).body("security_groups.id", equalTo(List.of(blue)));
        String next = as(token).queryParam("sort_key", "name").queryParam("sort_dir", "asc").queryParam("limit", 1)
                .queryParam("tags", "colour").get("/v2.0/security-groups").then().statusCode(200)
                .body("security_groups.name", equalTo(List.of("blue")))
                .body("security_groups_links[0].rel", equalTo("next"))
                .extract().path("security_groups_links[0].href");
        // the next page keeps the filters, sort and limit, and starts after the last item
        assertThat(next, allOf(containsString("/v2.0/security-groups?"), containsString("sort_key=name"),
                containsString("tags=colour"), containsString("limit=1"), containsString("marker=" + blue)));
        as(token).get(next).then().statusCode(200).body("security_groups.name", equalTo(List.of("red")));
        as(token).get("/v2.0/security-groups/{id}", red).then().body("security_group.tags", hasItem("red"))
                .body("security_group.nothing", nullValue());
    }
}
