package io.strato.compute.proxy;

import static io.restassured.RestAssured.given;
import static io.strato.compute.catalog.CatalogApi.admin;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
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
import org.junit.jupiter.api.Test;

/** Nova's os-networks proxy with Neutron: id and label, nova-network's fields null, its actions gone (410). */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
@WithTestResource(NeutronStub.class)
class NetworkProxyTest {

    @Test
    void networksAreNeutronsInNovasShape() {
        String id = UUID.randomUUID().toString();
        String neutron = ConfigProvider.getConfig().getValue("strato-test.neutron-url", String.class);
        given().contentType(ContentType.JSON).body(Map.of("id", id, "name", "private", "router:external", false))
                .post(neutron + "/_stub/networks").then().statusCode(204);
        String token = member(newProject());
        as(token).get("/v2.1/os-networks").then().statusCode(200).body("networks.id", hasItem(id));
        as(token).get("/v2.1/os-networks/{id}", id).then().statusCode(200)
                .body("network.id", equalTo(id)).body("network.label", equalTo("private"))
                .body("network", hasKey("cidr")).body("network.cidr", nullValue())
                .body("network", not(hasKey("project_id")));
        as(admin()).get("/v2.1/os-networks/{id}", id).then().statusCode(200)
                .body("network", hasKey("project_id")).body("network.mtu", nullValue());
        as(token).get("/v2.1/os-networks/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Network not found"));
        as(token, 36).get("/v2.1/os-networks").then().statusCode(404);
        as(admin()).body("{\"network\": {\"label\": \"x\"}}").post("/v2.1/os-networks").then().statusCode(410)
                .body("computeFault.code", equalTo(410));
        as(admin()).delete("/v2.1/os-networks/{id}", id).then().statusCode(410);
        as(admin()).body("{\"disassociate\": null}").post("/v2.1/os-networks/{id}/action", id).then().statusCode(410);
    }
}
