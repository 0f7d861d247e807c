package io.strato.compute.images;

import static io.restassured.RestAssured.given;
import static io.strato.compute.catalog.CatalogApi.as;
import static io.strato.compute.catalog.CatalogApi.member;
import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

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

/** Nova's 2.1 image proxy and image metadata proxy over a stub of image-service. */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
@WithTestResource(GlanceStub.class)
class ImageProxyTest {
    private final String token = member(newProject());

    private String image(String name, String status, String updatedAt, Map<String, Object> extra) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> image = new java.util.HashMap<>(Map.of("id", id, "name", name, "status", status,
                "visibility", "private", "os_hidden", false, "min_ram", 0, "min_disk", 1, "size", 1024,
                "created_at", "2026-12-01T10:00:00Z", "updated_at", updatedAt));
        image.put("protected", false);
        image.put("os_hash_algo", "sha512");
        image.putAll(extra);
        // read when used: other test classes of this module start without the stub
        String glance = ConfigProvider.getConfig().getValue("strato-test.glance-url", String.class);
        given().contentType(ContentType.JSON).body(image).post(glance + "/_stub/images").then().statusCode(201);
        return id;
    }

    @Test
    void anImageInNovasShape() {
        String server = UUID.randomUUID().toString();
        String id = image("snap-" + server, "active", "2026-12-02T11:12:13.123456Z",
                Map.of("instance_uuid", server, "auto_disk_config", "True", "os_distro", "cirros"));
        as(token).get("/v2.1/images/{id}", id).then().statusCode(200)
                .body("image.id", equalTo(id))
                .body("image.status", equalTo("ACTIVE"))
                .body("image.progress", equalTo(100))
                .body("image.minDisk", equalTo(1))
                .body("image.minRam", equalTo(0))
                .body("image.created", equalTo("2026-12-01T10:00:00Z"))
                .body("image.updated", equalTo("2026-12-02T11:12:13Z"))
                .body("image.'OS-EXT-IMG-SIZE:size'", equalTo(1024))
                .body("image.'OS-DCF:diskConfig'", equalTo("AUTO"))
                .body("image.metadata", equalTo(Map.of("instance_uuid", server, "auto_disk_config", "True", "os_distro", "cirros")))
                .body("image.server.id", equalTo(server))
                .body("image.server.links[0].href", endsWith("/v2.1/servers/" + server))
                .body("image.links.rel", contains("self", "bookmark", "alternate"))
                .body("image.links[2].type", equalTo("application/vnd.openstack.image"));
        String queued = image("queued-" + server, "queued", "2026-12-02T11:12:13Z", Map.of());
        as(token).get("/v2.1/images/{id}", queued).then().statusCode(200)
                .body("image.status", equalTo("SAVING")).body("image.progress", equalTo(25))
                .body("image", not(hasKey("server"))).body("image", not(hasKey("OS-DCF:diskConfig")));

        as(token).get("/v2.1/images/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("itemNotFound.message", equalTo("Image not found."));
        // the proxy ends at 2.35
        as(token, 36).get("/v2.1/images/{id}", id).then().statusCode(404);
        as(token, 36).get("/v2.1/images").then().statusCode(404);
    }

    @Test
    void listsFilterAndPageAsNova() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String a = image("list-" + run, "active", "2026-12-01T10:00:00Z", Map.of());
        String b = image("list-" + run, "active", "2026-12-03T10:00:00Z", Map.of("image_type", "snapshot"));
        image("list-" + run, "queued", "2026-12-03T10:00:00Z", Map.of());

        as(token).get("/v2.1/images?name=list-" + run + "&status=ACTIVE").then().statusCode(200)
                .body("images.id", contains(a, b))
                .body("images[0]", not(hasKey("status")))
                .body("images[0].name", equalTo("list-" + run));
        as(token).get("/v2.1/images/detail?name=list-" + run + "&type=snapshot").then().statusCode(200)
                .body("images.id", contains(b)).body("images[0].status", equalTo("ACTIVE"));
        as(token).get("/v2.1/images/detail?name=list-" + run + "&changes-since=2026-12-02T00:00:00Z&status=active")
                .then().statusCode(200).body("images.id", contains(b));
        as(token).get("/v2.1/images?name=list-" + run + "&limit=1").then().statusCode(200)
                .body("images.id", contains(a))
                .body("images_links[0].rel", equalTo("next"))
                .body("images_links[0].href", containsString("marker=" + a));
        as(token).get("/v2.1/images?limit=x").then().statusCode(400).body("badRequest.code", equalTo(400));
    }

    @Test
    void metadataIsTheImagesProperties() {
        String id = image("meta", "active", "2026-12-01T10:00:00Z", Map.of("os_distro", "cirros"));
        String path = "/v2.1/images/" + id + "/metadata";
        as(token).get(path).then().statusCode(200).body("metadata", equalTo(Map.of("os_distro", "cirros")));
        as(token).body("{\"metadata\": {\"os_version\": \"1\"}}").post(path).then().statusCode(200)
                .body("metadata", equalTo(Map.of("os_distro", "cirros", "os_version", "1")));
        as(token).body("{\"metadata\": {\"architecture\": \"x86_64\"}}").put(path).then().statusCode(200)
                .body("metadata", equalTo(Map.of("architecture", "x86_64")));
        as(token).get(path).then().statusCode(200).body("metadata", equalTo(Map.of("architecture", "x86_64")));
        as(token).body("{\"meta\": {\"os_version\": \"2\"}}").put(path + "/os_version").then().statusCode(200)
                .body("meta", equalTo(Map.of("os_version", "2")));
        as(token).get(path + "/os_version").then().statusCode(200).body("meta.os_version", equalTo("2"));
        as(token).body("{\"meta\": {\"other\": \"2\"}}").put(path + "/os_version").then().statusCode(400)
                .body("badRequest.message", equalTo("Request body and URI mismatch"));
        as(token).body("{\"meta\": {\"os_version\": \"2\", \"b\": \"3\"}}").put(path + "/os_version").then().statusCode(400)
                .body("badRequest.message", equalTo("Request body contains too many items"));
        as(token).delete(path + "/os_version").then().statusCode(204);
        as(token).get(path + "/os_version").then().statusCode(404);
        as(token).delete(path + "/os_version").then().statusCode(404).body("itemNotFound.message", equalTo("Invalid metadata key"));
        as(token).get("/v2.1/images/" + UUID.randomUUID() + "/metadata").then().statusCode(404)
                .body("itemNotFound.message", equalTo("Image not found."));
        // the metadata proxy ends at 2.38
        as(token, 38).get(path).then().statusCode(200);
        as(token, 39).get(path).then().statusCode(404);
    }

    @Test
    void deleteAsGlanceAllows() {
        String id = image("gone", "active", "2026-12-01T10:00:00Z", Map.of());
        String kept = image("kept", "active", "2026-12-01T10:00:00Z", Map.of("protected", true));
        as(token).delete("/v2.1/images/{id}", id).then().statusCode(204);
        as(token).get("/v2.1/images/{id}", id).then().statusCode(404);
        as(token).delete("/v2.1/images/{id}", id).then().statusCode(404);
        as(token).delete("/v2.1/images/{id}", kept).then().statusCode(403).body("forbidden.code", equalTo(403));
    }
}
