package io.strato.image.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the typed bodies: a client generator sees an image's real fields, not a bare object. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class OpenApiTest {

    @Test
    void theImageAndItsListArePublishedWithTheirFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Image.properties.keySet()", hasItems("id", "name", "status", "visibility",
                        "protected", "os_hidden", "checksum", "os_hash_algo", "os_hash_value", "owner", "size",
                        "virtual_size", "min_disk", "min_ram", "container_format", "disk_format", "created_at",
                        "updated_at", "tags", "self", "file", "schema"))
                .body("components.schemas.Image.properties.keySet()", not(hasItem("properties")))
                .body("components.schemas.Image.properties.keySet()", not(hasItem("is_protected")))
                .body("components.schemas.Image.additionalProperties.type", equalTo("string"))
                .body("components.schemas.ImageList.properties.images.items.$ref", endsWith("/Image"))
                .body("components.schemas.ImageList.properties.keySet()", hasItems("images", "first", "next", "schema"))
                .body("paths.'/v2/images'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/ImageList"))
                .body("paths.'/v2/images/{id}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/Image"))
                .body("paths.'/v2/images/{id}'.patch.requestBody.content.'application/openstack-images-v2.1-json-patch'"
                        + ".schema.items.$ref", endsWith("/ImagePatchOperation"))
                .body("components.schemas.ImagePatchOperation.properties.keySet()", hasItems("op", "path", "value"));
    }

    @Test
    void theImageCreateBodyIsPublishedWithItsWritableFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ImageCreate.properties.keySet()", hasItems("id", "name", "owner",
                        "visibility", "protected", "os_hidden", "disk_format", "container_format", "min_disk",
                        "min_ram", "tags"))
                .body("components.schemas.ImageCreate.properties.keySet()", not(hasItem("properties")))
                .body("components.schemas.ImageCreate.properties.protected.type", equalTo("boolean"))
                .body("paths.'/v2/images'.post.requestBody.content.'application/json'.schema.$ref",
                        endsWith("/ImageCreate"))
                .body("paths.'/v2/images'.post.responses.'201'.content.'application/json'.schema.$ref",
                        endsWith("/Image"));
    }

    @Test
    void versionDiscoveryIsPublishedWithItsFields() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ImageVersion.properties.keySet()", hasItems("id", "status", "links"))
                .body("paths.'/versions'.get.responses.'200'.content.'application/json'.schema.$ref",
                        endsWith("/ImageVersions"));
    }
}
