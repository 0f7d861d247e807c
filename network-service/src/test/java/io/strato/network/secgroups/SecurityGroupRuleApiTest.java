package io.strato.network.secgroups;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
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
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code openstack security group rule create/list/show/delete}: Neutron's validation, duplicates, visibility, quota. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class SecurityGroupRuleApiTest {
    private final String project = newProject();
    private final String token = member(project);

    private String group(String name) {
        return SecurityGroupApiTest.create(token, name);
    }

    private static Map<String, Object> rule(String group, Object... attributes) {
        Map<String, Object> r = new HashMap<>();
        r.put("security_group_id", group);
        r.put("direction", "ingress");
        for (int i = 0; i < attributes.length; i += 2) {
            r.put((String) attributes[i], attributes[i + 1]);
        }
        return Map.of("security_group_rule", r);
    }

    /** Each bad rule is a 400 in Neutron's format, with the type neutron gives it; nothing is stored. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'direction': 'sideways'                                               | HTTPBadRequest",
            "'ethertype': 'IPX'                                                    | SecurityGroupRuleInvalidEtherType",
            "'protocol': 'tcpp'                                                    | SecurityGroupRuleInvalidProtocol",
            "'protocol': 300                                                       | SecurityGroupRuleInvalidProtocol",
            "'protocol': 'tcp', 'port_range_min': 90, 'port_range_max': 80         | SecurityGroupInvalidPortRange",
            "'protocol': 'tcp', 'port_range_min': 0, 'port_range_max': 80          | SecurityGroupInvalidPortValue",
            "'protocol': 'udp', 'port_range_min': 1, 'port_range_max': 70000       | SecurityGroupInvalidPortValue",
            "'port_range_min': 22, 'port_range_max': 22                            | SecurityGroupProtocolRequiredWithPorts",
            "'protocol': 'gre', 'port_range_min': 22, 'port_range_max': 22         | SecurityGroupInvalidProtocolForPort",
            "'protocol': 'icmp', 'port_range_min': 8, 'port_range_max': 300        | SecurityGroupInvalidIcmpValue",
            "'protocol': 'icmp', 'port_range_max': 0                               | SecurityGroupMissingIcmpType",
            "'remote_ip_prefix': '10.0.0.0/40'                                     | InvalidCIDR",
            "'remote_ip_prefix': '2001:db8::/64'                                   | SecurityGroupRuleParameterConflict",
            "'protocol': 'icmpv6'                                                  | SecurityGroupEthertypeConflictWithProtocol",
            "'remote_ip_prefix': '10.0.0.0/8', 'remote_group_id': '%GROUP%'        | SecurityGroupMultipleRemoteEntites",
            "'direction': 'ingress', 'priority': 1                                 | HTTPBadRequest",
    })
    void invalidRulesAre400(String attributes, String type) {
        String g = group("validation");
        String body = "{\"security_group_rule\": {\"security_group_id\": \"" + g + "\", \"direction\": \"ingress\", "
                + attributes.replace('\'', '"').replace("%GROUP%", g) + "}}";
        // a later key wins in Jackson's tree, so "direction" given again overrides the default above
        as(token).body(body).post("/v2.0/security-group-rules").then().statusCode(400)
                .body("NeutronError.type", equalTo(type)).body("NeutronError.message", notNullValue());
        as(token).queryParam("security_group_id", g).get("/v2.0/security-group-rules").then().statusCode(200)
                .body("security_group_rules", hasSize(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'protocol': 'tcp', 'port_range_min': 22, 'port_range_max': 22, 'remote_ip_prefix': '0.0.0.0/0'",
            "'protocol': 'tcp', 'port_range_min': 80, 'port_range_max': 443",
            "'protocol': 'udp', 'port_range_min': 53, 'port_range_max': 53, 'remote_ip_prefix': '10.0.0.0/8'",
            "'protocol': 'icmp', 'port_range_min': 8, 'port_range_max': 0",
            "'protocol': 'icmp'",
            "'protocol': 'ipv6-icmp', 'ethertype': 'IPv6'",
            "'protocol': '112'",
            "'protocol': 'any', 'ethertype': 'IPv6', 'remote_ip_prefix': '2001:db8::/32'",
            "'direction': 'egress', 'protocol': 'sctp', 'port_range_min': 1, 'port_range_max': 10",
            "'remote_group_id': '%GROUP%'",
    })
    void validRulesAre201(String attributes) {
        String g = group("valid");
        String body = "{\"security_group_rule\": {\"security_group_id\": \"" + g + "\", \"direction\": \"ingress\", "
                + attributes.replace('\'', '"').replace("%GROUP%", g) + "}}";
        as(token).body(body).post("/v2.0/security-group-rules").then().statusCode(201)
                .body("security_group_rule.security_group_id", equalTo(g))
                .body("security_group_rule.project_id", equalTo(project))
                .body("security_group_rule.remote_address_group_id", nullValue())
                .body("security_group_rule.id", notNullValue());
    }

    @Test
    void aRuleAsTheClientSendsItAndAsTheClientListsIt() {
        String g = group("web");
        String def = as(token).queryParam("name", "default").get("/v2.0/security-groups").then()
                .extract().path("security_groups[0].id");
        String ssh = as(token).body(rule(g, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22,
                        "remote_ip_prefix", "0.0.0.0/0", "ethertype", "IPv4"))
                .post("/v2.0/security-group-rules").then().statusCode(201)
                .body("security_group_rule.protocol", equalTo("tcp"))
                .body("security_group_rule.port_range_min", equalTo(22))
                .body("security_group_rule.port_range_max", equalTo(22))
                .body("security_group_rule.remote_ip_prefix", equalTo("0.0.0.0/0"))
                .body("security_group_rule.normalized_cidr", equalTo("0.0.0.0/0"))
                .body("security_group_rule.ethertype", equalTo("IPv4"))
                .body("security_group_rule.direction", equalTo("ingress"))
                .body("security_group_rule.belongs_to_default_sg", equalTo(false))
                .extract().path("security_group_rule.id");
        as(token).body(rule(g, "protocol", "tcp", "port_range_min", 80, "port_range_max", 443, "remote_group_id", def))
                .post("/v2.0/security-group-rules").then().statusCode(201)
                .body("security_group_rule.remote_group_id", equalTo(def))
                .body("security_group_rule.remote_ip_prefix", nullValue());
        as(token).queryParam("security_group_id", g).get("/v2.0/security-group-rules").then().statusCode(200)
                .body("security_group_rules", hasSize(4))
                .body("security_group_rules.port_range_min", hasItem(22));
        as(token).queryParam("security_group_id", g).queryParam("direction", "ingress").queryParam("protocol", "tcp")
                .get("/v2.0/security-group-rules").then().statusCode(200)
                .body("security_group_rules", hasSize(2));
        as(token).get("/v2.0/security-group-rules/{id}", ssh).then().statusCode(200)
                .body("security_group_rule.id", equalTo(ssh));
        // the group shows its rules, and each rule change moved its revision
        as(token).get("/v2.0/security-groups/{id}", g).then().statusCode(200)
                .body("security_group.security_group_rules", hasSize(4))
                .body("security_group.revision_number", equalTo(2));
        as(token).delete("/v2.0/security-group-rules/{id}", ssh).then().statusCode(204);
        as(token).get("/v2.0/security-group-rules/{id}", ssh).then().statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupRuleNotFound"));
        as(token).delete("/v2.0/security-group-rules/{id}", ssh).then().statusCode(404);
        as(token).get("/v2.0/security-groups/{id}", g).then().body("security_group.revision_number", equalTo(3));
    }

    @Test
    void theSameRuleTwiceIs409NamingTheRuleThatExists() {
        String g = group("dup");
        String first = as(token).body(rule(g, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22))
                .post("/v2.0/security-group-rules").then().statusCode(201).extract().path("security_group_rule.id");
        as(token).body(rule(g, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22))
                .post("/v2.0/security-group-rules").then().statusCode(409)
                .body("NeutronError.type", equalTo("SecurityGroupRuleExists"))
                .body("NeutronError.message", equalTo("Security group rule already exists. Rule id is " + first + "."));
        // by number, and with 0.0.0.0/0 (which is "anywhere", as no prefix is), it is still the same rule
        as(token).body(rule(g, "protocol", "6", "port_range_min", 22, "port_range_max", 22, "remote_ip_prefix", "0.0.0.0/0"))
                .post("/v2.0/security-group-rules").then().statusCode(409)
                .body("NeutronError.message", containsString(first));
        // the egress rules every group starts with are rules like any other
        as(token).body(rule(g, "direction", "egress", "ethertype", "IPv6")).post("/v2.0/security-group-rules")
                .then().statusCode(409);
        as(token).body(rule(g, "protocol", "tcp", "port_range_min", 22, "port_range_max", 23))
                .post("/v2.0/security-group-rules").then().statusCode(201);
    }

    @Test
    void racingDuplicatesMakeOneRule() throws Exception {
        String g = group("race");
        List<Integer> statuses = Race.of(10, () -> as(token)
                .body(rule(g, "protocol", "udp", "port_range_min", 500, "port_range_max", 500))
                .post("/v2.0/security-group-rules").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        as(token).queryParam("security_group_id", g).queryParam("protocol", "udp").get("/v2.0/security-group-rules")
                .then().body("security_group_rules", hasSize(1));
    }

    @Test
    void groupsAndRulesOfAnotherProjectAreNotFound() {
        String g = group("mine");
        String id = as(token).body(rule(g, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22))
                .post("/v2.0/security-group-rules").then().statusCode(201).extract().path("security_group_rule.id");
        String strangerProject = newProject();
        String stranger = member(strangerProject);
        String theirs = SecurityGroupApiTest.create(stranger, "theirs");
        as(stranger).get("/v2.0/security-group-rules/{id}", id).then().statusCode(404);
        as(stranger).delete("/v2.0/security-group-rules/{id}", id).then().statusCode(404);
        as(stranger).get("/v2.0/security-group-rules").then().statusCode(200)
                .body("security_group_rules.security_group_id", not(hasItem(g)));
        // a rule in someone else's group, or naming someone else's group as remote, is SecurityGroupNotFound
        as(stranger).body(rule(g, "protocol", "tcp")).post("/v2.0/security-group-rules").then().statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        as(stranger).body(rule(theirs, "remote_group_id", g)).post("/v2.0/security-group-rules").then().statusCode(404)
                .body("NeutronError.type", equalTo("SecurityGroupNotFound"));
        as(token).body(rule("not-a-uuid", "protocol", "tcp")).post("/v2.0/security-group-rules").then().statusCode(404);
        as(admin()).get("/v2.0/security-group-rules/{id}", id).then().statusCode(200);
        as(admin()).queryParam("security_group_id", g).get("/v2.0/security-group-rules").then().statusCode(200)
                .body("security_group_rules", hasSize(3));
    }

    @Test
    void deletingAGroupRemovesRulesThatNameItAsRemote() {
        String target = group("target");
        String other = group("other");
        String viaRemote = as(token).body(rule(other, "remote_group_id", target)).post("/v2.0/security-group-rules")
                .then().statusCode(201).extract().path("security_group_rule.id");
        as(token).delete("/v2.0/security-groups/{id}", target).then().statusCode(204);
        as(token).get("/v2.0/security-group-rules/{id}", viaRemote).then().statusCode(404);
        as(token).queryParam("security_group_id", target).get("/v2.0/security-group-rules").then()
                .body("security_group_rules", hasSize(0));
    }

    @Test
    void theRuleQuotaCountsEveryRuleOfTheProject() {
        String p = newProject();
        String t = member(p);
        // default group: 4 rules; a new group: 2 more
        as(admin()).body(Map.of("quota", Map.of("security_group_rule", 7))).put("/v2.0/quotas/{p}", p).then().statusCode(200);
        String g = SecurityGroupApiTest.create(t, "q");
        as(t).body(rule(g, "protocol", "tcp")).post("/v2.0/security-group-rules").then().statusCode(201);
        as(t).body(rule(g, "protocol", "udp")).post("/v2.0/security-group-rules").then().statusCode(409)
                .body("NeutronError.type", equalTo("OverQuota"));
        // a new group with its two egress rules does not fit either
        as(t).body(Map.of("security_group", Map.of("name", "q2"))).post("/v2.0/security-groups").then().statusCode(409)
                .body("NeutronError.type", equalTo("OverQuota"));
        as(t).get("/v2.0/security-group-rules").then().body("security_group_rules", hasSize(7))
                .body("security_group_rules.project_id", everyItem(equalTo(p)));
    }
}
