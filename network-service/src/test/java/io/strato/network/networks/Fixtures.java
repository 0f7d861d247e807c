package io.strato.network.networks;

import static io.strato.network.NetworkApi.as;

import java.util.UUID;

/** Networks, subnets and ports made through the API for the tests of networks, subnets, IPAM and ports. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String network(String token) {
        return as(token).body("{\"network\": {\"name\": \"net-" + UUID.randomUUID() + "\"}}").post("/v2.0/networks")
                .then().statusCode(201).extract().path("network.id");
    }

    /** A network with extra attributes, e.g. {@code "shared": true}. */
    public static String network(String token, String attributes) {
        return as(token).body("{\"network\": {\"name\": \"net-" + UUID.randomUUID() + "\", " + attributes + "}}")
                .post("/v2.0/networks").then().statusCode(201).extract().path("network.id");
    }

    public static String subnet(String token, String networkId, String cidr) {
        return as(token).body("{\"subnet\": {\"network_id\": \"" + networkId + "\", \"ip_version\": "
                        + (cidr.contains(":") ? 6 : 4) + ", \"cidr\": \"" + cidr + "\"}}")
                .post("/v2.0/subnets").then().statusCode(201).extract().path("subnet.id");
    }

    public static String port(String token, String networkId) {
        return as(token).body("{\"port\": {\"network_id\": \"" + networkId + "\"}}").post("/v2.0/ports")
                .then().statusCode(201).extract().path("port.id");
    }

    /** Sets a project's quota for one resource (as the admin). */
    public static void quota(String adminToken, String project, String resource, int limit) {
        as(adminToken).body("{\"quota\": {\"" + resource + "\": " + limit + "}}").put("/v2.0/quotas/{p}", project)
                .then().statusCode(200);
    }
}
