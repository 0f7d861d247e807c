package io.strato.compute.proxy;

import static io.restassured.RestAssured.given;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static io.strato.compute.catalog.CatalogApi.reader;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nova's os-floating-ips and os-floating-ip-pools proxies over a stub of network-service. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
@WithTestResource(NeutronStub.class)
class FloatingIpProxyTest {
    private static final String FIPS = "/v2.1/os-floating-ips";
    private final String project = newProject();
    private final String token = member(project);
    private final String publicNet = "11111111-2222-3333-4444-555555555555";

    @BeforeEach
    void externalNetworks() {
        String neutron = ConfigProvider.getConfig().getValue("strato-test.neutron-url", String.class);
        given().contentType(ContentType.JSON).body(Map.of("id", publicNet, "name", "public", "router:external", true))
                .post(neutron + "/_stub/networks").then().statusCode(204);
    }

    @Test
    void floatingIpsAreAllocatedListedShownAndReleased() {
        as(token).get(FIPS).then().statusCode(200).body("floating_ips", empty());
        String id = as(token).body("{\"pool\": \"public\"}").post(FIPS).then().statusCode(200)
                .body("floating_ip.pool", equalTo("public"))
                .body("floating_ip.instance_id", nullValue())
                .body("floating_ip.fixed_ip", nullValue())
                .extract().path("floating_ip.id");
        String ip = as(reader(project)).get(FIPS + "/{id}", id).then().statusCode(200)
                .body("floating_ip.id", equalTo(id)).extract().path("floating_ip.ip");
        as(token).get(FIPS).then().statusCode(200).body("floating_ips.ip", contains(ip));
        // no body: the default pool (public); by id too
        as(token).post(FIPS).then().statusCode(200).body("floating_ip.pool", equalTo("public"));
        as(token).body("{\"pool\": \"" + publicNet + "\"}").post(FIPS).then().statusCode(200);
        as(token).delete(FIPS + "/{id}", id).then().statusCode(202);
        as(token).get(FIPS + "/{id}", id).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Floating IP not found for ID " + id));
        as(token).delete(FIPS + "/{id}", id).then().statusCode(404);
        as(token).get("/v2.1/os-floating-ip-pools").then().statusCode(200)
                .body("floating_ip_pools.name", hasItem("public"));
    }

    @Test
    void refusalsAndTheProxysEnd() {
        as(token).body("{\"pool\": \"nope\"}").post(FIPS).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Floating IP pool not found."));
        as(token).body("{\"pool\": 1}").post(FIPS).then().statusCode(400).body("badRequest.code", equalTo(400));
        as(token).get(FIPS + "/{id}", UUID.randomUUID()).then().statusCode(404);
        as(reader(project)).body("{\"pool\": \"public\"}").post(FIPS).then().statusCode(403);
        as(token, 36).get(FIPS).then().statusCode(404);
        as(token, 36).get("/v2.1/os-floating-ip-pools").then().statusCode(404);
        // another project does not see this one's floating IPs
        String id = as(token).body("{\"pool\": \"public\"}").post(FIPS).then().statusCode(200).extract().path("floating_ip.id");
        as(member(newProject())).get(FIPS + "/{id}", id).then().statusCode(404);
    }
}
