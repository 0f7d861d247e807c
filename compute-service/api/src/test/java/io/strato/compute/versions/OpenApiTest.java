package io.strato.compute.versions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the typed bodies: a client generator sees a server create's real fields. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class OpenApiTest {

    @Test
    void theServerCreateBodyIsPublishedWithItsFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ServerCreateBody.properties.server.$ref", endsWith("/ServerCreateAttributes"))
                .body("components.schemas.ServerCreateBody.properties.keySet()", hasItems("os:scheduler_hints"))
                .body("components.schemas.ServerCreateAttributes.properties.keySet()", hasItems("name", "imageRef",
                        "flavorRef", "networks", "security_groups", "key_name", "user_data", "metadata",
                        "availability_zone", "min_count", "max_count", "adminPass", "OS-DCF:diskConfig", "config_drive",
                        "accessIPv4", "accessIPv6", "return_reservation_id"))
                .body("components.schemas.ServerCreateAttributes.properties.keySet()", not(hasItem("others")))
                .body("paths.'/v2.1/servers'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/ServerCreateBody"));
    }
}
