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

    /**
     * An admin's network with extra attributes, owned by a project of its own: the test database outlives
     * test runs, and the admin's own project would soon be over its network quota.
     */
    public static String adminNetwork(String attributes) {
        return network(io.strato.network.NetworkApi.admin(), ownProject() + ", " + attributes);
    }

    /** {@code "project_id": "<a new project>"}, for bodies the admin sends. */
    public static String ownProject() {
        return "\"project_id\": \"" + io.strato.network.NetworkApi.newProject() + "\"";
    }

    /** A subnet owned by the network's project (so that an admin's subnets do not fill the admin's quota). */
    public static String subnet(String token, String networkId, String cidr) {
        String project = as(token).get("/v2.0/networks/{id}", networkId).then().statusCode(200).extract().path("network.project_id");
        return as(token).body("{\"subnet\": {\"network_id\": \"" + networkId + "\", \"ip_version\": "
                        + (cidr.contains(":") ? 6 : 4) + ", \"cidr\": \"" + cidr + "\", \"project_id\": \"" + project + "\"}}")
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
