package io.strato.network.routers;

import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.newProject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.strato.network.networks.Fixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds what routers and floating IPs join, through the API as a client would (on top of the networks
 * tests' {@link Fixtures}): external networks, networks with a subnet, routers joining them.
 */
public final class L3Fixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private L3Fixture() {
    }

    /** A network and its one subnet. */
    public record Net(String id, String subnetId) {
    }

    /**
     * An external network with one IPv4 subnet of {@code cidr}, made by the admin for a project of its
     * own (the test database outlives runs: the admin's project would run out of network quota).
     */
    public static Net external(String cidr) {
        String owner = newProject();
        String net = Fixtures.network(admin(), "\"router:external\": true, \"project_id\": \"" + owner + "\"");
        String subnet = as(admin()).body(Map.of("subnet", Map.of("network_id", net, "cidr", cidr, "ip_version", 4,
                        "project_id", owner)))
                .post("/v2.0/subnets").then().statusCode(201).extract().path("subnet.id");
        return new Net(net, subnet);
    }

    /** A tenant network of {@code token}'s project with one subnet of {@code cidr}. */
    public static Net network(String token, String cidr) {
        String net = Fixtures.network(token);
        return new Net(net, Fixtures.subnet(token, net, cidr));
    }

    /** A subnet without a gateway address. */
    public static String subnetWithoutGateway(String token, String network, String cidr) {
        var body = new HashMap<String, Object>(Map.of("network_id", network, "cidr", cidr, "ip_version", 4));
        body.put("gateway_ip", null);
        return as(token).body(Map.of("subnet", body))
                .post("/v2.0/subnets").then().statusCode(201).extract().path("subnet.id");
    }

    /** A port with an address on each of the given subnets. */
    public static String port(String token, String network, List<String> subnets) {
        return as(token).body(Map.of("port", Map.of("network_id", network,
                        "fixed_ips", subnets.stream().map(s -> Map.of("subnet_id", s)).toList())))
                .post("/v2.0/ports").then().statusCode(201).extract().path("port.id");
    }

    /** The port's first fixed address. */
    public static String address(String token, String port) {
        return as(token).get("/v2.0/ports/{id}", port).then().statusCode(200).extract().path("port.fixed_ips[0].ip_address");
    }

    public static String router(String token) {
        return as(token).body(Map.of("router", Map.of("name", "r")))
                .post("/v2.0/routers").then().statusCode(201).extract().path("router.id");
    }

    public static void addSubnet(String token, String router, String subnet) {
        as(token).body(Map.of("subnet_id", subnet)).put("/v2.0/routers/{id}/add_router_interface", router)
                .then().statusCode(200);
    }

    public static void setGateway(String token, String router, String network) {
        as(token).body(Map.of("router", Map.of("external_gateway_info", Map.of("network_id", network))))
                .put("/v2.0/routers/{id}", router).then().statusCode(200);
    }

    /** A router joining {@code subnet} to {@code external}: the internet gateway of a VPC. */
    public static String gatewayRouter(String token, String subnet, String external) {
        String r = router(token);
        addSubnet(token, r, subnet);
        setGateway(token, r, external);
        return r;
    }

    /** An outbox event: its type and its data. */
    public record Event(String type, JsonNode data) {
    }

    /** The outbox events about {@code subject} with their data, oldest first. */
    public static List<Event> eventsWithData(String subject) throws Throwable {
        List<Object[]> rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().flatMap(s ->
                s.createNativeQuery("SELECT type, CAST(payload AS text) FROM strato_outbox WHERE subject = :id ORDER BY seq",
                                Object[].class)
                        .setParameter("id", subject).getResultList())));
        List<Event> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Event((String) r[0], JSON.readTree((String) r[1])));
        }
        return out;
    }

    /** The types of the outbox events about {@code subject}, oldest first. */
    public static List<String> events(String subject) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().flatMap(s ->
                s.createNativeQuery("SELECT type FROM strato_outbox WHERE subject = :id ORDER BY seq", String.class)
                        .setParameter("id", subject).getResultList())));
    }
}
