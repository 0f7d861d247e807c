package io.strato.identity.catalog;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static io.strato.identity.support.Keystone.adminToken;
import static io.strato.identity.support.Keystone.passwordAuth;
import static io.strato.identity.support.Keystone.projectWithUser;
import static io.strato.identity.support.Keystone.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import org.junit.jupiter.api.Test;

/** /v3/regions, /v3/services, /v3/endpoints as the openstack client drives them, and the token catalog. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
class CatalogApiTest {

    private static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    @Test
    void regionsCreateWithIdOrPutDuplicateParentAndCycle() {
        String admin = adminToken();
        String parent = unique("Region");
        as(admin).body("{\"region\":{\"id\":\"" + parent + "\",\"description\":\"top\"}}").post("/v3/regions")
                .then().statusCode(201).body("region.id", equalTo(parent)).body("region.description", equalTo("top"))
                .body("region.parent_region_id", nullValue()).body("region.links.self", endsWith("/v3/regions/" + parent));
        as(admin).body("{\"region\":{\"id\":\"" + parent + "\"}}").post("/v3/regions")
                .then().spec(fault(409));

        String child = unique("Child");
        as(admin).body("{\"region\":{\"parent_region_id\":\"" + parent + "\"}}").put("/v3/regions/" + child)
                .then().statusCode(201).body("region.id", equalTo(child)).body("region.parent_region_id", equalTo(parent));
        as(admin).body("{\"region\":{}}").post("/v3/regions")
                .then().statusCode(201).body("region.id", not(equalTo("")));
        as(admin).body("{\"region\":{\"parent_region_id\":\"no-such-region\"}}").post("/v3/regions")
                .then().spec(fault(404));
        as(admin).body("{\"region\":{\"parent_region_id\":\"" + child + "\"}}").patch("/v3/regions/" + parent)
                .then().spec(fault(400, containsString("parent region")));
        as(admin).queryParam("parent_region_id", parent).get("/v3/regions")
                .then().statusCode(200).body("regions.id", equalTo(java.util.List.of(child)));

        // deleting the parent deletes the child too, as Keystone does
        as(admin).delete("/v3/regions/" + parent).then().statusCode(204);
        as(admin).get("/v3/regions/" + child).then().spec(fault(404))
                .body("error.message", equalTo("Could not find region: " + child + "."));
    }

    @Test
    void servicesFilterByTypeAndNameAsTheClientFindsThem() {
        String admin = adminToken();
        String type = unique("type");
        String id = as(admin).body("{\"service\":{\"type\":\"" + type + "\",\"name\":\"" + type + "-svc\",\"description\":\"d\"}}")
                .post("/v3/services").then().statusCode(201)
                .body("service.type", equalTo(type)).body("service.enabled", equalTo(true))
                .extract().path("service.id");
        as(admin).get("/v3/services/" + id).then().statusCode(200)
                .body("service.links.self", endsWith("/v3/services/" + id)).body("service.description", equalTo("d"));
        // openstack client: GET by id (404 for a name), then ?name=, then ?type=
        as(admin).get("/v3/services/" + type + "-svc").then().spec(fault(404));
        as(admin).queryParam("name", type + "-svc").get("/v3/services").then().statusCode(200)
                .body("services.id", equalTo(java.util.List.of(id)));
        as(admin).queryParam("type", type).get("/v3/services").then().statusCode(200)
                .body("services.id", equalTo(java.util.List.of(id)));
        as(admin).queryParam("type", "identity").get("/v3/services").then().statusCode(200)
                .body("services.name", hasItem("keystone"));
        as(admin).body("{\"service\":{\"name\":\"typeless\"}}").post("/v3/services").then().spec(fault(400, containsString("'service.type'")));
        as(admin).body("{\"service\":{\"enabled\":false}}").patch("/v3/services/" + id)
                .then().statusCode(200).body("service.enabled", equalTo(false));
        as(admin).delete("/v3/services/" + id).then().statusCode(204);
        as(admin).get("/v3/services/" + id).then().spec(fault(404));
    }

    @Test
    void endpointsValidateAndFilterAndFeedTheTokenCatalog() {
        String admin = adminToken();
        String type = unique("cat");
        String service = as(admin).body("{\"service\":{\"type\":\"" + type + "\",\"name\":\"" + type + "\"}}")
                .post("/v3/services").then().statusCode(201).extract().path("service.id");
        String url = "http://example.test/" + type;

        as(admin).body(endpoint(service, "sideways", "RegionOne", url)).post("/v3/endpoints").then().spec(fault(400, containsString("'endpoint.interface'")));
        as(admin).body(endpoint("no-such-service", "public", "RegionOne", url)).post("/v3/endpoints").then().spec(fault(400, containsString("could not find service: no-such-service")));
        as(admin).body(endpoint(service, "public", "no-such-region", url)).post("/v3/endpoints").then().spec(fault(400, containsString("could not find region: no-such-region")));
        as(admin).body(endpoint(service, "public", "RegionOne", "not a url")).post("/v3/endpoints").then().spec(fault(400, containsString("'not a url' is not a valid URL")));
        as(admin).body("{\"endpoint\":{\"service_id\":\"" + service + "\",\"interface\":\"public\"}}")
                .post("/v3/endpoints").then().spec(fault(400, containsString("'endpoint.url'")));

        String pub = as(admin).body(endpoint(service, "public", "RegionOne", url)).post("/v3/endpoints")
                .then().statusCode(201).body("endpoint.interface", equalTo("public"))
                .body("endpoint.region_id", equalTo("RegionOne")).body("endpoint.region", equalTo("RegionOne"))
                .body("endpoint.service_id", equalTo(service)).body("endpoint.url", equalTo(url))
                .body("endpoint.enabled", equalTo(true)).extract().path("endpoint.id");
        // the legacy "region" field names a region that is created when missing
        String legacy = unique("Legacy");
        as(admin).body("{\"endpoint\":{\"service_id\":\"" + service + "\",\"interface\":\"internal\",\"region\":\""
                        + legacy + "\",\"url\":\"" + url + "/internal\"}}").post("/v3/endpoints")
                .then().statusCode(201).body("endpoint.region_id", equalTo(legacy));
        as(admin).get("/v3/regions/" + legacy).then().statusCode(200);

        as(admin).queryParam("service_id", service).get("/v3/endpoints").then().statusCode(200)
                .body("endpoints", hasSize(2));
        as(admin).queryParam("service_id", service).queryParam("interface", "public").get("/v3/endpoints")
                .then().statusCode(200).body("endpoints.id", equalTo(java.util.List.of(pub)));
        as(admin).queryParam("region_id", legacy).get("/v3/endpoints").then().statusCode(200)
                .body("endpoints.interface", equalTo(java.util.List.of("internal")));

        // the token catalog shows the new service at once (the cache is dropped on write)
        passwordAuth("admin", io.strato.identity.support.Keystone.ADMIN_PASSWORD, "admin").then().statusCode(201)
                .body("token.catalog.find { it.type == '" + type + "' }.endpoints.url", hasItem(url));
        // enabled is a JSON boolean: the strings "True"/"False" are refused, on create and on update
        as(admin).body("{\"endpoint\":{\"service_id\":\"" + service + "\",\"interface\":\"admin\",\"url\":\""
                + url + "\",\"enabled\":\"False\"}}").post("/v3/endpoints").then().spec(fault(400, containsString("a boolean")));
        as(admin).body("{\"endpoint\":{\"enabled\":\"True\"}}").patch("/v3/endpoints/" + pub).then().spec(fault(400));
        as(admin).body("{\"endpoint\":{\"enabled\":false}}").patch("/v3/endpoints/" + pub).then().statusCode(200)
                .body("endpoint.enabled", equalTo(false));
        passwordAuth("admin", io.strato.identity.support.Keystone.ADMIN_PASSWORD, "admin").then().statusCode(201)
                .body("token.catalog.find { it.type == '" + type + "' }.endpoints.url", not(hasItem(url)));

        as(admin).delete("/v3/endpoints/" + pub).then().statusCode(204);
        as(admin).get("/v3/endpoints/" + pub).then().spec(fault(404));
        // a region with endpoints cannot be deleted
        as(admin).delete("/v3/regions/" + legacy).then().spec(fault(403));
    }

    @Test
    void endpointGroupsFilterByServiceInterfaceAndRegion() {
        String admin = adminToken();
        String path = "/v3/OS-EP-FILTER/endpoint_groups";
        String id = as(admin).body("{\"endpoint_group\":{\"name\":\"g1\",\"description\":\"d\","
                        + "\"filters\":{\"service_id\":\"s1\",\"interface\":\"public\"}}}").post(path)
                .then().statusCode(201).body("endpoint_group.name", equalTo("g1"))
                .body("endpoint_group.filters.service_id", equalTo("s1"))
                .extract().path("endpoint_group.id");
        as(admin).get(path + "/" + id).then().statusCode(200).body("endpoint_group.description", equalTo("d"))
                .body("endpoint_group.links.self", endsWith(path + "/" + id));
        as(admin).head(path + "/" + id).then().statusCode(200);
        as(admin).get(path).then().statusCode(200).body("endpoint_groups.id", hasItem(id));
        as(admin).body("{\"endpoint_group\":{\"name\":\"g2\",\"filters\":{\"region_id\":\"RegionOne\"}}}")
                .patch(path + "/" + id).then().statusCode(200).body("endpoint_group.name", equalTo("g2"))
                .body("endpoint_group.filters.region_id", equalTo("RegionOne"))
                .body("endpoint_group.filters.service_id", nullValue());
        as(admin).body("{\"endpoint_group\":{\"name\":\"x\",\"filters\":{\"colour\":\"red\"}}}").post(path)
                .then().spec(fault(400));
        as(admin).body("{\"endpoint_group\":{\"name\":\"x\"}}").post(path).then().spec(fault(400));
        as(admin).delete(path + "/" + id).then().statusCode(204);
        as(admin).head(path + "/" + id).then().statusCode(404);
        as(admin).get(path + "/" + id).then().spec(fault(404));
    }

    @Test
    void bootstrapRegisteredTheGatewayServices() {
        String admin = adminToken();
        String identity = as(admin).queryParam("type", "identity").get("/v3/services").then().statusCode(200)
                .body("services", hasSize(1)).extract().path("services[0].id");
        as(admin).queryParam("service_id", identity).get("/v3/endpoints").then().statusCode(200)
                .body("endpoints.interface", containsInAnyOrder("public", "internal", "admin"))
                .body("endpoints.url", everyItem(endsWith("/identity")))
                .body("endpoints.region_id", everyItem(equalTo("RegionOne")));
        as(admin).get("/v3/services").then().statusCode(200)
                .body("services.type", org.hamcrest.Matchers.hasItems("identity", "compute", "network", "image",
                        "block-storage", "volumev3"));
    }

    @Test
    void membersReadRegionsButNotServicesAndWriteNothing() {
        String admin = adminToken();
        String project = unique("catproj");
        String user = unique("catuser");
        projectWithUser(admin, project, user, "pw-" + user, "member");
        String member = passwordAuth(user, "pw-" + user, project).then().statusCode(201).extract().header("X-Subject-Token");
        as(member).get("/v3/regions").then().statusCode(200).body("regions.id", hasItem("RegionOne"));
        as(member).get("/v3/regions/RegionOne").then().statusCode(200);
        as(member).get("/v3/services").then().spec(fault(403));
        as(member).get("/v3/endpoints").then().spec(fault(403));
        as(member).body("{\"region\":{}}").post("/v3/regions").then().spec(fault(403));
        as(member).body("{\"service\":{\"type\":\"x\"}}").post("/v3/services").then().spec(fault(403));
        given().get("/v3/regions").then().spec(fault(401));
    }

    private static String endpoint(String service, String iface, String region, String url) {
        return "{\"endpoint\":{\"service_id\":\"" + service + "\",\"interface\":\"" + iface + "\",\"region_id\":\""
                + region + "\",\"url\":\"" + url + "\"}}";
    }
}
