package io.strato.network.serviceproviders;

import static io.restassured.RestAssured.given;
import static io.strato.network.NetworkApi.as;
import static io.strato.network.NetworkApi.member;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ServiceProviderApiTest {
    private final String token = member(UUID.randomUUID().toString());

    @Test
    void everyCallerListsTheRouterProvider() {
        as(token).get("/v2.0/service-providers").then().statusCode(200)
                .body("service_providers.service_type", contains("L3_ROUTER_NAT"))
                .body("service_providers[0].name", equalTo("single_node"))
                .body("service_providers[0].default", equalTo(true));
        as(token).get("/v2.0/extensions").then().statusCode(200)
                .body("extensions.alias", hasItem("service-type"));
    }

    @Test
    void filtersAndFieldsCutTheList() {
        as(token).queryParam("service_type", "LOADBALANCERV2").get("/v2.0/service-providers").then().statusCode(200)
                .body("service_providers", empty());
        as(token).queryParam("service_type", "LOADBALANCERV2").queryParam("service_type", "L3_ROUTER_NAT")
                .get("/v2.0/service-providers").then().statusCode(200)
                .body("service_providers.name", contains("single_node"));
        as(token).queryParam("default", "False").get("/v2.0/service-providers").then().statusCode(200)
                .body("service_providers", empty());
        as(token).queryParam("fields", "name").get("/v2.0/service-providers").then().statusCode(200)
                .body("service_providers[0].keySet()", contains("name"));
    }

    @Test
    void noTokenIs401AndNoOtherVerb() {
        given().get("/v2.0/service-providers").then().statusCode(401).body("NeutronError.type", equalTo("HTTPUnauthorized"));
        as(token).contentType("application/json").body("{}").post("/v2.0/service-providers").then().statusCode(405);
    }
}
