package io.strato.network.versions;

import static io.restassured.RestAssured.given;
import static io.strato.network.NetworkApi.admin;
import static io.strato.network.NetworkApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class VersionApiTest {

    @Test
    void versionDiscoveryNeedsNoToken() {
        given().get("/").then().statusCode(200)
                .body("versions[0].id", equalTo("v2.0"))
                .body("versions[0].status", equalTo("CURRENT"));
    }

    @Test
    void extensionsListWhatTheClientsCheck() {
        as(admin()).get("/v2.0/extensions").then().statusCode(200)
                .body("extensions.alias", hasItems("security-group", "router", "external-net", "quotas",
                        "standard-attr-tag", "allowed-address-pairs", "port-security", "binding", "agent", "quota_details",
                        "ip-substring-filtering", "extra_dhcp_opt"));
        as(admin()).get("/v2.0/extensions/router").then().statusCode(200).body("extension.alias", equalTo("router"));
        as(admin()).get("/v2.0/extensions/nope").then().statusCode(404)
                .body("NeutronError.type", equalTo("ExtensionNotFound"));
    }

    @Test
    void noTokenIs401InNeutronsFormat() {
        given().get("/v2.0/extensions").then().statusCode(401)
                .body("NeutronError.type", equalTo("HTTPUnauthorized"));
    }
}
