package io.strato.image.metadefs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metadefs schemas clients fetch, named as Glance names them. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class MetadefSchemaTest {
    private final String reader = TestIdentity.token("u-reader", "p-reader", "reader");

    @ParameterizedTest
    @CsvSource({"namespace,namespace", "namespaces,namespaces", "resource_type,resource_type_association",
        "resource_types,resource_type_associations", "object,object", "objects,objects", "property,property",
        "properties,properties", "tag,tag", "tags,tags"})
    void eachSchemaHasGlancesName(String path, String name) {
        given().header("X-Auth-Token", reader).get("/v2/schemas/metadefs/" + path).then().statusCode(200)
                .body("name", equalTo(name));
    }

    @Test
    void theSchemasSayWhatTheApiChecks() {
        given().header("X-Auth-Token", reader).get("/v2/schemas/metadefs/namespace").then()
                .body("required", contains("namespace"))
                .body("properties.namespace.maxLength", equalTo(80))
                .body("properties.visibility.enum", contains("public", "private"))
                .body("additionalProperties", equalTo(false));
        given().header("X-Auth-Token", reader).get("/v2/schemas/metadefs/property").then()
                .body("required", contains("type", "title", "name"));
        given().get("/v2/schemas/metadefs/tags").then().statusCode(401);
    }
}
