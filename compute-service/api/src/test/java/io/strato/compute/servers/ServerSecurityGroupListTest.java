package io.strato.compute.servers;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /servers/{id}/os-security-groups}: the groups of the server's ports, in os-security-groups' shape. */
@QuarkusTest
@ServersInfra
class ServerSecurityGroupListTest extends ServerTestBase {

    @Test
    void aServersGroupsAreThoseOfItsPorts() {
        UUID group = world.securityGroup(project, "web");
        UUID id = UUID.fromString(create(member, body("grouped", "\"security_groups\": [{\"name\": \"web\"}]"))
                .then().statusCode(202).extract().path("server.id"));
        world.answer(id, io.strato.compute.protocol.Commands.SPAWN, awaitSpawn(id).host(), true,
                io.strato.compute.protocol.Reports.RUNNING, null);
        awaitStatus(id, "ACTIVE");
        String path = SERVERS + "/" + id + "/os-security-groups";
        as(reader).get(path).then().statusCode(200)
                .body("security_groups.id", contains(group.toString()))
                .body("security_groups[0].name", equalTo("web"))
                .body("security_groups[0].tenant_id", equalTo(project))
                .body("security_groups[0].rules", empty());
        // served at every microversion, as Nova's
        at(member, 53).get(path).then().statusCode(200);
        as(TestIdentity.token("other", ServerWorld.unique("p"), "member", "reader")).get(path).then().statusCode(404);
        as(member).get(SERVERS + "/" + UUID.randomUUID() + "/os-security-groups").then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
    }
}
