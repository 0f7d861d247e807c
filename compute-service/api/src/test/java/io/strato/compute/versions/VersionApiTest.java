package io.strato.compute.versions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void rootListsV21WithItsMicroversionRange() {
        given().get("/").then().statusCode(200)
                .body("versions.find { it.id == 'v2.1' }.min_version", equalTo("2.1"))
                .body("versions.find { it.id == 'v2.1' }.version", equalTo(io.strato.compute.api.Microversion.MAX.toString()))
                .body("versions.find { it.id == 'v2.1' }.status", equalTo("CURRENT"));
        given().get("/v2.1").then().statusCode(200).body("version.id", equalTo("v2.1"));
        // the v2.0 link of GET / leads to its version document (Nova's legacy v2 entry)
        String v20 = given().get("/").then().extract().path("versions.find { it.id == 'v2.0' }.links[0].href");
        org.junit.jupiter.api.Assertions.assertTrue(v20.endsWith("/v2/"), v20);
        for (String path : new String[] {"/v2/", "/v2"}) {
            given().get(path).then().statusCode(200).body("version.id", equalTo("v2.0"))
                    .body("version.status", equalTo("SUPPORTED"))
                    .body("version.links[0].href", equalTo(v20))
                    .body("version.media-types[0].type", equalTo("application/vnd.openstack.compute+json;version=2"));
        }
    }

    @Test
    void theMicroversionUsedIsEchoed() {
        given().header("OpenStack-API-Version", "compute 2.1").get("/v2.1").then().statusCode(200)
                .header("OpenStack-API-Version", "compute 2.1")
                .header("X-OpenStack-Nova-API-Version", "2.1");
    }

    @Test
    void everyAnswerCarriesTheRequestIdOnceUnderBothNames() {
        for (var response : new io.restassured.response.Response[] {given().get("/v2.1"), given().get("/v2.1/flavors"),
                given().get("/v2.1/no-such-thing")}) {
            var ids = response.headers().getValues("x-openstack-request-id");
            assertEquals(1, ids.size(), ids.toString());
            assertEquals(ids, response.headers().getValues("x-compute-request-id"));
        }
    }

    @Test
    void anUnsupportedMicroversionIs406InNovasFormat() {
        given().header("OpenStack-API-Version", "compute latest").get("/v2.1").then().statusCode(200)
                .header("OpenStack-API-Version", "compute " + io.strato.compute.api.Microversion.MAX);
        given().header("OpenStack-API-Version", "compute 9.99").get("/v2.1").then().statusCode(406)
                .body("computeFault.code", equalTo(406));
        given().header("X-OpenStack-Nova-API-Version", "junk").get("/v2.1").then().statusCode(400)
                .body("badRequest.code", equalTo(400));
    }
}
