package io.strato.network.hostile;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.networks.Fixtures.network;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 on network-service: a NUL in a path, a filter or a JSON string, malformed JSON, JSON of the wrong
 * shape and bodies that are no JSON are 4xx in Neutron's fault format that say what is wrong in plain words,
 * never a 500 and never a library's class or feature name. Each case answered 500 or leaked before, or guards
 * against it.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class HostileInputTest {
    /** What a client must never read in an error: Java, Jackson, Vert.x, PostgreSQL internals (as tests/fuzz checks). */
    private static final Pattern INTERNALS = Pattern.compile("com\\.fasterxml|io\\.vertx|io\\.quarkus|org\\.hibernate|"
            + "jakarta\\.|java\\.[a-z]|io\\.strato\\.|Exception|FAIL_ON_|Feature|JsonParser|JsonToken|at \\[Source|"
            + "line: \\d+, column: \\d+|SQLState|ERROR: |Jackson|StreamRead|Constraints|JsonNode|invalid byte sequence|"
            + "UTF8|\\bjsonb\\b|Unicode escape|RESTEASY|Record|\\$");

    private final String project = newProject();
    private final String me = member(project);

    /** A 4xx in Neutron's format whose message is the user's to read; returns the message. */
    private static String neutronFault(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        String type = r.path("NeutronError.type");
        String message = r.path("NeutronError.message");
        assertNotNull(type, r.asString());
        assertNotNull(message, r.asString());
        assertEquals("", r.path("NeutronError.detail"), r.asString());
        assertFalse(INTERNALS.matcher(message).find(), "internals in: " + message);
        return message;
    }

    @Test
    void aNulInAPathIsA400() {
        String net = network(me);
        for (String method : List.of("GET", "PUT", "DELETE")) {
            String m = neutronFault(as(me).urlEncodingEnabled(false).request(method, "/v2.0/networks/" + net + "/tags/%00"), 400);
            assertTrue(m.contains("NUL"), m);
        }
        neutronFault(as(me).urlEncodingEnabled(false).get("/v2.0/networks/%00"), 400);
        neutronFault(as(admin()).urlEncodingEnabled(false).get("/v2.0/quotas/a%00b"), 400);
        neutronFault(as(admin()).urlEncodingEnabled(false).body("{\"quota\": {\"network\": 5}}").put("/v2.0/quotas/%00"), 400);
        as(me).get("/v2.0/networks/{id}/tags", net).then().statusCode(200);
    }

    @Test
    void aNulInAFilterIsA400() {
        for (String q : List.of("name=%00", "name=a%00b", "tags=%00", "fields=%00", "sort_key=%00", "marker=%00",
                "fixed_ips=ip_address%3D%00", "a%00=1")) {
            neutronFault(as(me).urlEncodingEnabled(false).get("/v2.0/networks?" + q), 400);
            neutronFault(as(me).urlEncodingEnabled(false).get("/v2.0/ports?" + q), 400);
        }
        as(me).get("/v2.0/networks?name=ab").then().statusCode(200);
    }

    @Test
    void aNulInAJsonStringIsA400NamingTheAttributeAndNothingIsMade() {
        String m = neutronFault(as(me).body("{\"network\": {\"name\": \"a\\u0000b\"}}").post("/v2.0/networks"), 400);
        assertTrue(m.contains("name"), m);
        neutronFault(as(me).body("{\"networks\": [{\"name\": \"ok\"}, {\"name\": \"a\\u0000b\"}]}").post("/v2.0/networks"), 400);
        as(me).get("/v2.0/networks?project_id=" + project).then().statusCode(200)
                .body("networks.size()", org.hamcrest.Matchers.equalTo(0));
        String net = network(me);
        neutronFault(as(me).body("{\"network\": {\"description\": \"\\u0000\"}}").put("/v2.0/networks/{id}", net), 400);
        m = neutronFault(as(me).body("{\"tags\": [\"ok\", \"x\\u0000\"]}").put("/v2.0/networks/{id}/tags", net), 400);
        assertTrue(m.contains("tag"), m);
        neutronFault(as(me).body("{\"tags\": [\"x\\u0000\"]}").post("/v2.0/networks/{id}/tags", net), 400);
        neutronFault(as(me).body("{\"subnet\": {\"network_id\": \"" + net + "\", \"cidr\": \"10.0.0.0/24\", "
                + "\"dns_nameservers\": [\"8.8.8.8\\u0000\"]}}").post("/v2.0/subnets"), 400);
        neutronFault(as(me).body("{\"subnet\": {\"network_id\": \"" + net + "\", \"cidr\": \"10.0.0.0/24\", "
                + "\"allocation_pools\": [{\"start\": \"10.0.0.5\\u0000\", \"end\": \"10.0.0.9\"}]}}").post("/v2.0/subnets"), 400);
        neutronFault(as(me).body("{\"subnetpool\": {\"name\": \"p\", \"prefixes\": [\"10.0.0.0/8\\u0000\"]}}")
                .post("/v2.0/subnetpools"), 400);
        neutronFault(as(me).body("{\"security_group\": {\"name\": \"g\\u0000\"}}").post("/v2.0/security-groups"), 400);
        neutronFault(as(me).body("{\"router\": {\"name\": \"\\u0000\"}}").post("/v2.0/routers"), 400);
        // an object stored as JSON: neither its keys nor its values may hold one
        neutronFault(as(admin()).body("{\"port\": {\"network_id\": \"" + net + "\", \"binding:profile\": {\"k\\u0000\": \"v\"}}}")
                .post("/v2.0/ports"), 400);
        neutronFault(as(admin()).body("{\"port\": {\"network_id\": \"" + net + "\", \"binding:profile\": {\"k\": [\"\\u0000\"]}}}")
                .post("/v2.0/ports"), 400);
        neutronFault(as(me).body("{\"port\": {\"network_id\": \"" + net + "\", \"name\": \"p\\u0000\"}}").post("/v2.0/ports"), 400);
        as(me).get("/v2.0/ports?network_id=" + net).then().statusCode(200).body("ports.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void malformedJsonIsA400InPlainWords() {
        for (String body : List.of("{\"network\": ", "{\"network\": {\"name\": \"x\",}}", "{network: {}}",
                "{\"network\": {\"name\": 'x'}}", "{\"network\": {\"name\": \"x\"}} trailing",
                "{\"network\": {}} {\"network\": {}}", "\"network\"", "nul",
                "{\"network\": {\"name\": \"x\"", "{\"network\": {\"mtu\": 01}}", "{\"network\": {\"name\": \"\t\"}}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))) {
            neutronFault(as(me).body(body).post("/v2.0/networks"), 400);
        }
        neutronFault(as(me).body(new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}).post("/v2.0/networks"), 400);
        neutronFault(as(me).body("").post("/v2.0/networks"), 400);
    }

    @Test
    void jsonOfTheWrongShapeIsA400InPlainWords() {
        for (String body : List.of("[1, 2]", "5", "{\"network\": \"x\"}", "{\"network\": [1]}", "{\"networks\": 5}",
                "{\"networks\": [5]}", "{\"network\": {\"name\": {\"a\": 1}}}", "{\"network\": {\"admin_state_up\": \"maybe\"}}",
                "{\"network\": {\"mtu\": 99999999999999999999}}", "{\"network\": {\"mtu\": 1.5}}", "{\"network\": null}")) {
            neutronFault(as(me).body(body).post("/v2.0/networks"), 400);
        }
        neutronFault(as(me).body("{\"tags\": \"a\"}").put("/v2.0/networks/{id}/tags", network(me)), 400);
        neutronFault(as(me).body("{\"subnetpool\": {\"name\": \"p\", \"prefixes\": \"10.0.0.0/8\"}}").post("/v2.0/subnetpools"), 400);
        neutronFault(as(me).body("{\"subnetpool\": {\"name\": \"p\", \"prefixes\": [8]}}").post("/v2.0/subnetpools"), 400);
    }

    @Test
    void aBodyThatIsNoJsonIsRefusedInNeutronsFormat() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String net = network(me);
        for (String type : List.of("text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "text/html")) {
            for (String[] call : List.of(new String[] {"POST", "/v2.0/networks"}, new String[] {"PUT", "/v2.0/networks/" + net},
                    new String[] {"POST", "/v2.0/subnetpools"}, new String[] {"PUT", "/v2.0/networks/" + net + "/tags"})) {
                // sent as raw bytes with exactly this content type
                HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + call[1]))
                        .header("X-Auth-Token", me).header("Content-Type", type)
                        .method(call[0], HttpRequest.BodyPublishers.ofString("<network><name>x</name></network>")).build();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertEquals(415, r.statusCode(), type + " " + call[1] + ": " + r.body());
                String message = io.restassured.path.json.JsonPath.from(r.body()).getString("NeutronError.message");
                assertNotNull(message, r.body());
                assertFalse(INTERNALS.matcher(message).find(), "internals in: " + message);
            }
        }
        as(me).get("/v2.0/networks?project_id=" + project).then().statusCode(200)
                .body("networks.size()", org.hamcrest.Matchers.equalTo(1))
                .body("networks[0].name", org.hamcrest.Matchers.startsWith("net-"));
    }
}
