package io.strato.compute.servergroups;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static io.strato.compute.catalog.CatalogApi.reader;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class ServerGroupApiTest {
    private final String project = newProject();

    @Inject
    ServerGroups serverGroups;

    @Inject
    DataSource db;

    private static String body(String name, String policies) {
        return "{\"server_group\": {\"name\": \"" + name + "\", \"policies\": " + policies + "}}";
    }

    private String create(String token, String name, String policy) {
        return as(token).body(body(name, "[\"" + policy + "\"]")).post("/v2.1/os-server-groups").then().statusCode(200)
                .extract().path("server_group.id");
    }

    @Test
    void createListShowDeleteAtTwoPointOne() {
        String token = member(project);
        as(token).body(body("spread", "[\"anti-affinity\"]")).post("/v2.1/os-server-groups").then().statusCode(200)
                .body("server_group.name", equalTo("spread"))
                .body("server_group.policies", equalTo(List.of("anti-affinity")))
                .body("server_group.members", hasSize(0))
                .body("server_group.metadata.size()", equalTo(0));
        String together = create(token, "together", "affinity");
        as(reader(project)).get("/v2.1/os-server-groups").then().statusCode(200)
                .body("server_groups.name", hasItems("spread", "together"))
                .body("server_groups", hasSize(2));
        as(token).get("/v2.1/os-server-groups/{id}", together).then().statusCode(200)
                .body("server_group.policies", equalTo(List.of("affinity")));
        as(token).delete("/v2.1/os-server-groups/{id}", together).then().statusCode(204);
        as(token).get("/v2.1/os-server-groups/{id}", together).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Instance group " + together + " could not be found."));
        as(token).delete("/v2.1/os-server-groups/{id}", together).then().statusCode(404);
        as(token).get("/v2.1/os-server-groups/{id}", "not-a-uuid").then().statusCode(404);
    }

    @Test
    void policiesAreValidated() {
        String token = member(project);
        for (String bad : List.of("[\"spread-out\"]", "[\"affinity\", \"anti-affinity\"]", "[]", "\"affinity\"",
                "[\"soft-anti-affinity\"]")) { // soft policies need 2.15
            as(token).body(body("g", bad)).post("/v2.1/os-server-groups").then().statusCode(400)
                    .body("badRequest.message", containsString("policies"));
        }
        as(token).body("{\"server_group\": {\"name\": \"g\", \"policy\": \"affinity\"}}").post("/v2.1/os-server-groups")
                .then().statusCode(400);
        as(token).body("{\"server_group\": {\"policies\": [\"affinity\"]}}").post("/v2.1/os-server-groups").then().statusCode(400);
        as(reader(project)).body(body("g", "[\"affinity\"]")).post("/v2.1/os-server-groups").then().statusCode(403);
        as(token).get("/v2.1/os-server-groups").then().body("server_groups", hasSize(0));
    }

    @Test
    void otherProjectsGroupsAreNotTheirs() {
        String id = create(member(project), "mine", "affinity");
        String other = newProject();
        as(member(other)).get("/v2.1/os-server-groups").then().statusCode(200).body("server_groups.id", not(hasItem(id)));
        as(member(other)).get("/v2.1/os-server-groups?all_projects=True").then().statusCode(200).body("server_groups.id", not(hasItem(id)));
        as(member(other)).get("/v2.1/os-server-groups/{id}", id).then().statusCode(403);
        as(member(other)).delete("/v2.1/os-server-groups/{id}", id).then().statusCode(403);
        as(admin()).get("/v2.1/os-server-groups?all_projects=True").then().statusCode(200).body("server_groups.id", hasItem(id));
        as(admin()).get("/v2.1/os-server-groups/{id}", id).then().statusCode(200);
        as(member(project)).get("/v2.1/os-server-groups/{id}", id).then().statusCode(200);
    }

    @Test
    void theServerGroupsQuotaIsEnforced() {
        as(admin()).body("{\"quota_set\": {\"server_groups\": 1}}").put("/v2.1/os-quota-sets/{p}", project).then().statusCode(200);
        create(member(project), "one", "affinity");
        as(member(project)).body(body("two", "[\"affinity\"]")).post("/v2.1/os-server-groups").then().statusCode(403)
                .body("forbidden.message", equalTo("Quota exceeded, too many server groups."));
    }

    private static Caller caller(String project) {
        return new Caller("u-" + project, "u", "default", project, "p", "default", null, false, Set.of("member", "reader"),
                List.of(), List.of("password"), Instant.now(), Instant.now().plusSeconds(3600), null);
    }

    private ServerGroupRef addMember(UUID group, UUID server, Caller caller) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> serverGroups.addMember(group, server, caller)));
    }

    @Test
    void serversJoinGroupsUnderTheMembersQuota() throws Throwable {
        as(admin()).body("{\"quota_set\": {\"server_group_members\": 2}}").put("/v2.1/os-quota-sets/{p}", project).then().statusCode(200);
        UUID group = UUID.fromString(create(member(project), "members", "anti-affinity"));
        CatalogRows rows = new CatalogRows(db);
        UUID a = rows.server(project, 1, 512, "building", null);
        UUID b = rows.server(project, 1, 512, "building", null);
        UUID c = rows.server(project, 1, 512, "building", null);
        ServerGroupRef ref = addMember(group, a, caller(project));
        assertEquals(new ServerGroupRef(group, "anti-affinity", null), ref);
        addMember(group, b, caller(project));
        Forbidden over = assertThrows(Forbidden.class, () -> addMember(group, c, caller(project)));
        assertEquals("Quota exceeded, too many servers in group", over.getMessage());
        assertThrows(InvalidInput.class, () -> addMember(group, c, caller(newProject())));
        assertThrows(InvalidInput.class, () -> addMember(UUID.randomUUID(), c, caller(project)));
        as(member(project)).get("/v2.1/os-server-groups/{id}", group).then().statusCode(200)
                .body("server_group.members", equalTo(List.of(a.toString(), b.toString())));
        // a group with members can be deleted; its servers no longer name it
        rows.update("UPDATE server SET server_group_id = ? WHERE id = ?", group, a);
        as(member(project)).delete("/v2.1/os-server-groups/{id}", group).then().statusCode(204);
        assertEquals(0, rows.count("SELECT count(*) FROM server_group_member WHERE group_id = ?", group));
        assertEquals(0, rows.count("SELECT count(*) FROM server WHERE server_group_id = ?", group));
    }
}
