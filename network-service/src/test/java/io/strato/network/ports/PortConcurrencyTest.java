package io.strato.network.ports;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.member;
import static io.strato.network.NetworkApi.newProject;
import static io.strato.network.networks.Fixtures.network;
import static io.strato.network.networks.Fixtures.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.networks.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Many port creates at once through the HTTP API, from several projects on one shared network and from one
 * project: IPAM never hands out an address twice, fills a small subnet exactly, then refuses with Neutron's
 * IpAddressGenerationFailure; a project's port quota is never exceeded, however many of its creates race (they
 * no longer wait on each other's transactions, so the quota is counted by the last statement of each), and a
 * refused create leaves no address behind.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class PortConcurrencyTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void twoHundredConcurrentPortsOnASlash24GetTwoHundredDistinctAddresses() {
        // ten projects on one shared network, so the creates race for the subnet, not for one project's quota lock
        String net = Fixtures.adminNetwork("\"shared\": true");
        String sub = subnet(admin(), net, "10.100.0.0/24");
        List<String> tokens = projects(10, 100);
        List<HttpResponse<String>> answers = createConcurrently(tokens, net, sub, 200);
        Set<String> addresses = new HashSet<>();
        Set<String> macs = new HashSet<>();
        for (HttpResponse<String> a : answers) {
            assertEquals(201, a.statusCode(), a.body());
            JsonPath port = JsonPath.from(a.body());
            addresses.add(port.getString("port.fixed_ips[0].ip_address"));
            macs.add(port.getString("port.mac_address"));
        }
        assertEquals(200, addresses.size());
        assertEquals(200, macs.size());
        for (String ip : addresses) {
            int last = Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
            assertTrue(ip.startsWith("10.100.0.") && last >= 2 && last <= 201, ip);
        }
    }

    @Test
    void aSlash29FillsExactlyUnderConcurrentCreatesThenRefuses() {
        String net = Fixtures.adminNetwork("\"shared\": true");
        // 8 addresses: network .0, gateway .1, broadcast .7 leave .2-.6, five ports
        String sub = subnet(admin(), net, "10.101.0.0/29");
        List<HttpResponse<String>> answers = createConcurrently(projects(12, 10), net, sub, 12);
        Set<String> addresses = new HashSet<>();
        int refused = 0;
        for (HttpResponse<String> a : answers) {
            if (a.statusCode() == 201) {
                assertTrue(addresses.add(JsonPath.from(a.body()).getString("port.fixed_ips[0].ip_address")), a.body());
            } else {
                assertEquals(409, a.statusCode(), a.body());
                assertEquals("IpAddressGenerationFailure", JsonPath.from(a.body()).getString("NeutronError.type"));
                refused++;
            }
        }
        assertEquals(Set.of("10.101.0.2", "10.101.0.3", "10.101.0.4", "10.101.0.5", "10.101.0.6"), addresses);
        assertEquals(7, refused);
    }

    @Test
    void concurrentDeletesOfOneProjectsPortsAllSucceedAndFreeTheirAddresses() {
        // compute deleting many servers at once; Hibernate Reactive's entity delete failed such races (HR000069)
        String project = newProject();
        Fixtures.quota(admin(), project, "port", 200);
        String token = member(project);
        String net = network(token);
        String sub = subnet(token, net, "10.102.0.0/24");
        List<HttpResponse<String>> made = createConcurrently(List.of(token), net, sub, 60);
        List<CompletableFuture<HttpResponse<String>>> deletes = new ArrayList<>();
        for (HttpResponse<String> a : made) {
            assertEquals(201, a.statusCode(), a.body());
            String id = JsonPath.from(a.body()).getString("port.id");
            deletes.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/v2.0/ports/" + id))
                    .timeout(Duration.ofSeconds(60)).header("X-Auth-Token", token).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> d : deletes) {
            HttpResponse<String> answer = d.join();
            assertEquals(204, answer.statusCode(), answer.body());
        }
        RestAssured.given().header("X-Auth-Token", token).get("/v2.0/ports?network_id=" + net).then().statusCode(200)
                .body("ports", org.hamcrest.Matchers.empty());
        // every address is free again: the /24 takes 60 new ports from the start of its pool
        Set<String> again = new HashSet<>();
        for (HttpResponse<String> a : createConcurrently(List.of(token), net, sub, 60)) {
            assertEquals(201, a.statusCode(), a.body());
            again.add(JsonPath.from(a.body()).getString("port.fixed_ips[0].ip_address"));
        }
        for (int i = 2; i < 62; i++) {
            assertTrue(again.contains("10.102.0." + i), "10.102.0." + i + " was not given out again: " + again);
        }
    }

    @Test
    void oneProjectsConcurrentCreatesStopExactlyAtItsPortQuotaWithNeutronsOverQuota() {
        String project = newProject();
        String token = member(project);
        String net = network(token);
        String sub = subnet(token, net, "10.103.0.0/24");
        // three ports already held, a limit of ten: of 16 racing creates exactly seven get a port
        Fixtures.quota(admin(), project, "port", 100);
        for (HttpResponse<String> a : createConcurrently(List.of(token), net, sub, 3)) {
            assertEquals(201, a.statusCode(), a.body());
        }
        Fixtures.quota(admin(), project, "port", 10);
        int created = 0;
        Set<String> addresses = new HashSet<>();
        for (HttpResponse<String> a : createConcurrently(List.of(token), net, sub, 16)) {
            if (a.statusCode() == 201) {
                created++;
                assertTrue(addresses.add(JsonPath.from(a.body()).getString("port.fixed_ips[0].ip_address")), a.body());
            } else {
                assertEquals(409, a.statusCode(), a.body());
                JsonPath fault = JsonPath.from(a.body());
                assertEquals("OverQuota", fault.getString("NeutronError.type"), a.body());
                assertEquals("Quota exceeded for resources: ['port'].", fault.getString("NeutronError.message"));
                assertEquals("", fault.getString("NeutronError.detail"));
            }
        }
        assertEquals(7, created);
        List<String> held = RestAssured.given().header("X-Auth-Token", token).get("/v2.0/ports?network_id=" + net)
                .then().statusCode(200).extract().jsonPath().getList("ports.collect { it.fixed_ips[0].ip_address }", String.class);
        assertEquals(10, held.size(), held.toString());
        assertEquals(10, new HashSet<>(held).size(), held.toString());
        // the refused creates released what they had taken: the next port gets the lowest address nobody holds
        Fixtures.quota(admin(), project, "port", 11);
        String lowestFree = null;
        for (int i = 2; lowestFree == null; i++) {
            if (!held.contains("10.103.0." + i)) {
                lowestFree = "10.103.0." + i;
            }
        }
        HttpResponse<String> next = createConcurrently(List.of(token), net, sub, 1).get(0);
        assertEquals(201, next.statusCode(), next.body());
        assertEquals(lowestFree, JsonPath.from(next.body()).getString("port.fixed_ips[0].ip_address"));
        HttpResponse<String> over = createConcurrently(List.of(token), net, sub, 1).get(0);
        assertEquals(409, over.statusCode(), over.body());
        assertEquals("OverQuota", JsonPath.from(over.body()).getString("NeutronError.type"));
    }

    @Test
    void oneProjectsConcurrentCreatesFillASubnetExactlyWithDistinctAddresses() {
        // unlimited quota: nothing of the project is counted, and nothing but the address itself is contended
        String project = newProject();
        Fixtures.quota(admin(), project, "port", -1);
        String token = member(project);
        String net = network(token);
        // 32 addresses: network .0, gateway .1, broadcast .31 leave .2-.30, 29 ports
        String sub = subnet(token, net, "10.104.0.0/27");
        Set<String> addresses = new HashSet<>();
        int refused = 0;
        for (HttpResponse<String> a : createConcurrently(List.of(token), net, sub, 40)) {
            if (a.statusCode() == 201) {
                assertTrue(addresses.add(JsonPath.from(a.body()).getString("port.fixed_ips[0].ip_address")), a.body());
            } else {
                assertEquals(409, a.statusCode(), a.body());
                assertEquals("IpAddressGenerationFailure", JsonPath.from(a.body()).getString("NeutronError.type"), a.body());
                refused++;
            }
        }
        Set<String> all = new HashSet<>();
        for (int i = 2; i <= 30; i++) {
            all.add("10.104.0." + i);
        }
        assertEquals(all, addresses);
        assertEquals(11, refused);
    }

    /** Member tokens of {@code n} new projects, each allowed {@code ports} ports. */
    private static List<String> projects(int n, int ports) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String project = newProject();
            Fixtures.quota(admin(), project, "port", ports);
            tokens.add(member(project));
        }
        return tokens;
    }

    /** {@code n} creates at once, the tokens taking turns. */
    private List<HttpResponse<String>> createConcurrently(List<String> tokens, String net, String sub, int n) {
        String body = "{\"port\": {\"network_id\": \"" + net + "\", \"fixed_ips\": [{\"subnet_id\": \"" + sub + "\"}]}}";
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/v2.0/ports"))
                    .timeout(Duration.ofMinutes(3))
                    .header("X-Auth-Token", tokens.get(i % tokens.size())).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
