package io.strato.network.versions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the typed bodies: a client generator sees a port create's real fields. */
@QuarkusTest
class OpenApiTest {

    @Test
    void thePortBodyIsPublishedWithItsFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.PortBody.properties.port.$ref", org.hamcrest.Matchers.endsWith("/PortAttributes"))
                .body("components.schemas.PortAttributes.properties.keySet()", hasItems("network_id", "fixed_ips",
                        "security_groups", "mac_address", "allowed_address_pairs", "port_security_enabled", "binding:host_id"))
                .body("components.schemas.PortAttributes.properties.keySet()", not(hasItem("others")))
                .body("paths.'/v2.0/ports'.post.requestBody.content.'application/json'.schema.$ref",
                        org.hamcrest.Matchers.endsWith("/PortBody"));
    }
}
