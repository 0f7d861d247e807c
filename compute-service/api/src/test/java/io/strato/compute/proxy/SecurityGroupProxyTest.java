package io.strato.compute.proxy;

import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static io.strato.compute.catalog.CatalogApi.reader;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Nova's os-security-groups and os-security-group-rules proxies over a stub of network-service. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
@WithTestResource(NeutronStub.class)
class SecurityGroupProxyTest {
    private static final String GROUPS = "/v2.1/os-security-groups";
    private static final String RULES = "/v2.1/os-security-group-rules";
    private final String project = newProject();
    private final String token = member(project);

    private String group(String name) {
        return as(token).body(Map.of("security_group", Map.of("name", name, "description", "d-" + name)))
                .post(GROUPS).then().statusCode(200)
                .body("security_group.name", equalTo(name))
                .body("security_group.description", equalTo("d-" + name))
                .body("security_group.tenant_id", equalTo(project))
                .body("security_group.rules", empty())
                .extract().path("security_group.id");
    }

    private String rule(String body) {
        return as(token).body(body).post(RULES).then().statusCode(200).extract().path("security_group_rule.id");
    }

    @Test
    void groupsAreCreatedListedUpdatedAndDeletedInNovasShape() {
        String a = group("b-group");
        String b = group("a-group");
        as(token).get(GROUPS).then().statusCode(200).body("security_groups.name", contains("a-group", "b-group"));
        // Nova pages Neutron's order with limit and offset
        as(token).get(GROUPS + "?limit=1&offset=1").then().statusCode(200).body("security_groups", hasSize(1));
        as(token).get(GROUPS + "?offset=2").then().statusCode(200).body("security_groups", empty());
        as(token).get(GROUPS + "?limit=-1").then().statusCode(400);
        as(token).get(GROUPS + "/{id}", a).then().statusCode(200).body("security_group.id", equalTo(a));
        as(token).body("{\"security_group\": {\"name\": \"renamed\", \"description\": \"new\"}}").put(GROUPS + "/{id}", a)
                .then().statusCode(200).body("security_group.name", equalTo("renamed"))
                .body("security_group.description", equalTo("new"));
        as(token).delete(GROUPS + "/{id}", b).then().statusCode(202);
        as(token).get(GROUPS + "/{id}", b).then().statusCode(404).body("itemNotFound.code", equalTo(404));
        as(token).delete(GROUPS + "/{id}", b).then().statusCode(404);
        // another project sees none of them
        as(member(newProject())).get(GROUPS).then().statusCode(200).body("security_groups.id", not(hasItem(a)));
        as(admin()).get(GROUPS + "?all_tenants=1").then().statusCode(200).body("security_groups.id", hasItem(a));
    }

    @Test
    void rulesShowAsNovaConvertsThem() {
        String parent = group("web");
        String peer = group("peer");
        String tcp = rule("{\"security_group_rule\": {\"parent_group_id\": \"" + parent
                + "\", \"ip_protocol\": \"tcp\", \"from_port\": 22, \"to_port\": \"22\", \"cidr\": \"10.0.0.0/24\"}}");
        as(token).body("{\"security_group_rule\": {\"parent_group_id\": \"" + parent + "\", \"group_id\": \"" + peer
                + "\", \"ip_protocol\": \"icmp\"}}").post(RULES).then().statusCode(200)
                .body("security_group_rule.group.name", equalTo("peer"))
                .body("security_group_rule.group.tenant_id", equalTo(project))
                .body("security_group_rule.ip_range", equalTo(Map.of()))
                .body("security_group_rule.from_port", equalTo(-1))
                .body("security_group_rule.to_port", equalTo(-1))
                .body("security_group_rule.parent_group_id", equalTo(parent));
        as(token).get(GROUPS + "/{id}", parent).then().statusCode(200)
                .body("security_group.rules", hasSize(2))
                .body("security_group.rules.find { it.id == '" + tcp + "' }.ip_range.cidr", equalTo("10.0.0.0/24"))
                .body("security_group.rules.find { it.id == '" + tcp + "' }.group", equalTo(Map.of()))
                .body("security_group.rules.find { it.id == '" + tcp + "' }.ip_protocol", equalTo("tcp"))
                .body("security_group.rules.find { it.id == '" + tcp + "' }.from_port", equalTo(22));
        // the same rule again is Nova's 400
        as(token).body("{\"security_group_rule\": {\"parent_group_id\": \"" + parent
                        + "\", \"ip_protocol\": \"tcp\", \"from_port\": 22, \"to_port\": 22, \"cidr\": \"10.0.0.0/24\"}}")
                .post(RULES).then().statusCode(400)
                .body("badRequest.message", equalTo("This rule already exists in group " + parent));
        as(token).delete(RULES + "/{id}", tcp).then().statusCode(202);
        as(token).delete(RULES + "/{id}", tcp).then().statusCode(404);
        as(token).get(GROUPS + "/{id}", parent).then().statusCode(200).body("security_group.rules", hasSize(1));
    }

    @Test
    void badRulesAreNovasFourHundreds() {
        String parent = group("bad");
        String base = "{\"security_group_rule\": {\"parent_group_id\": \"" + parent + "\", ";
        Map<String, String> refused = Map.of(
                "\"ip_protocol\": \"999x\", \"from_port\": 22, \"to_port\": 22}}", "Invalid IP protocol 999x.",
                "\"ip_protocol\": \"tcp\", \"from_port\": 65536, \"to_port\": 22}}",
                "Invalid port range 65536:22. Former value cannot be greater than the later",
                "\"ip_protocol\": \"tcp\", \"from_port\": 22, \"to_port\": 65536}}",
                "Invalid port range 22:65536. Valid TCP ports should be between 1-65535",
                "\"ip_protocol\": \"icmp\", \"from_port\": 256, \"to_port\": 1}}",
                "Invalid port range 256:1. For ICMP, the type:code must be valid",
                "\"ip_protocol\": \"tcp\", \"from_port\": \"x\", \"to_port\": 22}}",
                "Invalid input received: To and From ports must be integers",
                "\"ip_protocol\": \"tcp\", \"from_port\": 1, \"to_port\": 2, \"cidr\": \"10.0.0.300/8\"}}",
                "10.0.0.300/8 is not a valid IP network.",
                "\"ip_protocol\": \"tcp\", \"from_port\": 1, \"to_port\": 2, \"cidr\": \"10.0.0.0/0\"}}",
                "Bad prefix for network in cidr 10.0.0.0/0",
                "\"ip_protocol\": \"tcp\"}}", "Not enough parameters to build a valid rule.");
        refused.forEach((rest, message) -> as(token).body(base + rest).post(RULES).then().statusCode(400)
                .body("badRequest.message", equalTo(message)));
        as(token).body("{\"security_group_rule\": {\"parent_group_id\": \"x\", \"ip_protocol\": \"tcp\"}}").post(RULES)
                .then().statusCode(400);
        as(token).body("{\"security_group_rule\": {\"parent_group_id\": \"" + UUID.randomUUID()
                + "\", \"ip_protocol\": \"tcp\", \"from_port\": 22, \"to_port\": 22}}").post(RULES).then().statusCode(404);
        as(token).body("{\"security_group_rule\": {}}").post(RULES).then().statusCode(400);
        as(token).delete(RULES + "/x").then().statusCode(400);
    }

    @Test
    void refusalsAndTheProxysEnd() {
        as(token).get(GROUPS + "/{id}", UUID.randomUUID()).then().statusCode(404).body("itemNotFound.code", equalTo(404));
        as(token).get(GROUPS + "/not-a-uuid").then().statusCode(400)
                .body("badRequest.message", equalTo("Security group id should be uuid"));
        as(token).delete(GROUPS + "/").then().statusCode(404);
        as(token).body("{\"security_group\": {\"name\": \"x\"}}").post(GROUPS).then().statusCode(400);
        as(token).body("{\"security_group\": {\"name\": \"" + "x".repeat(256) + "\", \"description\": \"\"}}")
                .post(GROUPS).then().statusCode(400);
        as(token).body("{}").post(GROUPS).then().statusCode(400);
        as(reader(project)).body("{\"security_group\": {\"name\": \"x\", \"description\": \"\"}}").post(GROUPS)
                .then().statusCode(403).body("forbidden.code", equalTo(403));
        as(reader(project)).get(GROUPS).then().statusCode(200);
        // Neutron keeps a project's default group (409): Nova's 400
        String def = group("default");
        as(token).delete(GROUPS + "/{id}", def).then().statusCode(400).body("badRequest.code", equalTo(400));
        as(token, 35).get(GROUPS).then().statusCode(200);
        as(token, 36).get(GROUPS).then().statusCode(404);
        as(token, 36).body("{}").post(RULES).then().statusCode(404);
        as(token).get(GROUPS + "/{id}", def).then().statusCode(200).body("security_group.rules", empty())
                .body("security_group.id", not(nullValue()));
    }
}
