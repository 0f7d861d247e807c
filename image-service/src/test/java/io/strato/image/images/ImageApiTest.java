package io.strato.image.images;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Image records as `openstack image create/show/set/delete` drive them, and Glance's error answers. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ImageApiTest {
    static final String PATCH = "application/openstack-images-v2.1-json-patch";

    private final String project = "p-" + UUID.randomUUID();
    private final String member = TestIdentity.token("u-" + project, project, "member", "reader");
    private final String admin = TestIdentity.token("admin", "admin-project", "admin", "member", "reader");

    static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    static String create(String token, String json) {
        return as(token).body(json).post("/v2/images").then().statusCode(201).extract().path("id");
    }

    @Test
    void createThenShowAnswersGlancesImage() {
        String id = as(member).body("{\"name\":\"cirros\",\"disk_format\":\"qcow2\",\"container_format\":\"bare\","
                        + "\"min_disk\":1,\"min_ram\":64,\"tags\":[\"a\",\"b\"],\"os_distro\":\"cirros\"}")
                .post("/v2/images").then().statusCode(201)
                .body("status", equalTo("queued"))
                .body("visibility", equalTo("shared"))
                .body("protected", equalTo(false))
                .body("os_hidden", equalTo(false))
                .body("owner", equalTo(project))
                .body("size", nullValue())
                .body("checksum", nullValue())
                .body("min_disk", equalTo(1))
                .body("os_distro", equalTo("cirros"))
                .body("tags", equalTo(List.of("a", "b")))
                .body("schema", equalTo("/v2/schemas/image"))
                .body("created_at", notNullValue())
                .extract().path("id");
        as(member).get("/v2/images/{id}", id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("cirros"))
                .body("disk_format", equalTo("qcow2"))
                .body("self", equalTo("/v2/images/" + id))
                .body("file", equalTo("/v2/images/" + id + "/file"))
                .body("os_distro", equalTo("cirros"))
                // every base attribute is written, null or not, and a property is a top-level key beside them
                .body("keySet()", equalTo(Set.of("id", "name", "status", "visibility", "protected",
                        "os_hidden", "checksum", "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size",
                        "min_disk", "min_ram", "container_format", "disk_format", "created_at", "updated_at", "tags",
                        "self", "file", "schema", "os_distro")));
        assertEquals(1, ImageDb.events("strato.image.image.created.v1", id));
    }

    @Test
    void createWithAGivenIdTwiceIsAConflict() {
        String id = UUID.randomUUID().toString();
        create(member, "{\"id\":\"" + id + "\",\"name\":\"fixed\"}");
        as(member).body("{\"id\":\"" + id + "\",\"name\":\"again\"}").post("/v2/images").then().spec(fault(409))
                .body("error.code", equalTo(409));
    }

    @Test
    void badInputIsA400InGlancesFormat() {
        as(member).body("{\"name\":\"x\",\"disk_format\":\"floppy\",\"container_format\":\"bare\"}")
                .post("/v2/images").then().spec(fault(400))
                .body("error.code", equalTo(400)).body("error.message", containsString("floppy"));
        as(member).body("{\"name\":\"x\",\"container_format\":\"tarball\"}").post("/v2/images").then().spec(fault(400, containsString("tarball")));
        as(member).body("{\"name\": ").post("/v2/images").then().spec(fault(400))
                .body("error.message", containsString("Malformed"));
        as(member).body("[1]").post("/v2/images").then().spec(fault(400));
        as(member).body("{\"min_ram\":-1}").post("/v2/images").then().spec(fault(400, containsString("'min_ram'")));
        as(member).body("{\"protected\":\"yes\"}").post("/v2/images").then().spec(fault(400, containsString("'protected'")));
        as(member).body("{\"protected\":null}").post("/v2/images").then().spec(fault(400, containsString("'protected'")));
        as(member).body("{\"visibility\":null}").post("/v2/images").then().spec(fault(400, containsString("'visibility'")));
        as(member).body("{\"id\":null}").post("/v2/images").then().spec(fault(400, containsString("'null'")));
        as(member).body("{\"owner_team\":7}").post("/v2/images").then().spec(fault(400, containsString("'owner_team'")));
        as(member).body("{\"id\":\"not-a-uuid\"}").post("/v2/images").then().spec(fault(400, containsString("'not-a-uuid'")));
        as(member).body("{\"status\":\"active\"}").post("/v2/images").then().spec(fault(403))
                .body("error.message", containsString("read-only"));
    }

    @Test
    void unknownImageIs404() {
        as(member).get("/v2/images/{id}", UUID.randomUUID()).then().spec(fault(404))
                .body("error.code", equalTo(404)).body("error.title", equalTo("Not Found"));
        as(member).get("/v2/images/not-a-uuid").then().spec(fault(404));
    }

    @Test
    void anotherProjectsPrivateImageIsNotFoundButAdminSeesIt() {
        String id = create(member, "{\"name\":\"secret\"}");
        String stranger = TestIdentity.token("u-other", "p-other-" + UUID.randomUUID(), "member", "reader");
        as(stranger).get("/v2/images/{id}", id).then().spec(fault(404));
        patch(stranger, id, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}]").spec(fault(404));
        as(stranger).delete("/v2/images/{id}", id).then().spec(fault(404));
        as(admin).get("/v2/images/{id}", id).then().statusCode(200).body("owner", equalTo(project));
    }

    @Test
    void onlyAnAdminPublicizes() {
        as(member).body("{\"name\":\"pub\",\"visibility\":\"public\"}").post("/v2/images").then().spec(fault(403));
        String id = create(member, "{\"name\":\"to-publish\"}");
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"public\"}]").spec(fault(403));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"shared\"}]").statusCode(200)
                .body("visibility", equalTo("shared"));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"community\"}]").statusCode(200);
        patch(admin, id, "[{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"public\"}]").statusCode(200)
                .body("visibility", equalTo("public"));
        String stranger = TestIdentity.token("u-other", "p-other-" + UUID.randomUUID(), "member", "reader");
        as(stranger).get("/v2/images/{id}", id).then().statusCode(200);
        patch(stranger, id, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"mine\"}]").spec(fault(403));
        as(stranger).delete("/v2/images/{id}", id).then().spec(fault(403));
    }

    @Test
    void aReaderCannotCreate() {
        String reader = TestIdentity.token("u-reader", project, "reader");
        as(reader).body("{\"name\":\"r\"}").post("/v2/images").then().spec(fault(403));
    }

    @Test
    void jsonPatchUpdatesAttributesPropertiesAndTags() {
        String id = create(member, "{\"name\":\"before\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"after\"},"
                + "{\"op\":\"add\",\"path\":\"/owner_team\",\"value\":\"platform\"},"
                + "{\"op\":\"add\",\"path\":\"/a~1b\",\"value\":\"slash\"},"
                + "{\"op\":\"replace\",\"path\":\"/min_ram\",\"value\":512},"
                + "{\"op\":\"replace\",\"path\":\"/protected\",\"value\":true},"
                + "{\"op\":\"replace\",\"path\":\"/disk_format\",\"value\":\"qcow2\"},"
                + "{\"op\":\"replace\",\"path\":\"/tags\",\"value\":[\"golden\"]}]").statusCode(200)
                .body("name", equalTo("after"))
                .body("owner_team", equalTo("platform"))
                .body("'a/b'", equalTo("slash"))
                .body("min_ram", equalTo(512))
                .body("protected", equalTo(true))
                .body("disk_format", equalTo("qcow2"))
                .body("tags", equalTo(List.of("golden")));
        // openstacksdk sends its patches with an empty Accept header
        given().header("X-Auth-Token", member).header("Accept", "").contentType(PATCH)
                .body("[{\"op\":\"remove\",\"path\":\"/owner_team\"}]".getBytes(StandardCharsets.UTF_8))
                .patch("/v2/images/{id}", id).then().statusCode(200)
                .body("owner_team", nullValue());
        // list elements as openstacksdk's jsonpatch diff addresses them
        patch(member, id, "[{\"op\":\"add\",\"path\":\"/tags/1\",\"value\":\"ubuntu\"},"
                + "{\"op\":\"add\",\"path\":\"/tags/-\",\"value\":\"lts\"}]").statusCode(200)
                .body("tags", equalTo(List.of("golden", "ubuntu", "lts")));
        patch(member, id, "[{\"op\":\"remove\",\"path\":\"/tags/0\"}]").statusCode(200)
                .body("tags", equalTo(List.of("ubuntu", "lts")));
        patch(member, id, "[{\"op\":\"remove\",\"path\":\"/tags/9\"}]").spec(fault(409, containsString("out of range")));
        as(member).get("/v2/images/{id}", id).then().body("owner_team", nullValue()).body("name", equalTo("after"));
        assertEquals(4, ImageDb.events("strato.image.image.updated.v1", id));
    }

    @Test
    void jsonPatchErrors() {
        String id = create(member, "{\"name\":\"p\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        patch(member, id, "[{\"op\":\"move\",\"path\":\"/name\",\"from\":\"/x\"}]").spec(fault(400, containsString("Invalid operation: `move`")));
        patch(member, id, "{\"op\":\"replace\"}").spec(fault(400, containsString("must be a JSON array")));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"name\",\"value\":\"x\"}]").spec(fault(400, containsString("JSON pointer")));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/name\"}]").spec(fault(400, containsString("requires a member named \"value\"")));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/min_disk\",\"value\":\"big\"}]").spec(fault(400, containsString("'min_disk'")));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/disk_format\",\"value\":\"floppy\"}]").spec(fault(400, containsString("floppy")));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/name\", ").spec(fault(400));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"active\"}]").spec(fault(403))
                .body("error.message", containsString("read-only"));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/checksum\",\"value\":\"0\"}]").spec(fault(403, containsString("checksum")));
        patch(member, id, "[{\"op\":\"remove\",\"path\":\"/name\"}]").spec(fault(403, containsString("may not be removed")));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/nothing_here\",\"value\":\"x\"}]").spec(fault(409, containsString("does not exist")));
        // Glance's 415 names the two patch media types, in the message and in Accept-Patch
        as(member).body("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}]")
                .patch("/v2/images/{id}", id).then().spec(fault(415, containsString(
                        "Image PATCH expects Content-Type one of: application/openstack-images-v2.0-json-patch, "
                                + "application/openstack-images-v2.1-json-patch")))
                .header("Accept-Patch", equalTo("application/openstack-images-v2.0-json-patch, "
                        + "application/openstack-images-v2.1-json-patch"));
        given().header("X-Auth-Token", member).contentType("text/plain").body("[]")
                .patch("/v2/images/{id}", id).then().spec(fault(415));
        as(member).get("/v2/images/{id}", id).then().body("name", equalTo("p"));

        ImageDb.update("update image set status = 'active' where id = ?", UUID.fromString(id));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/disk_format\",\"value\":\"qcow2\"}]").spec(fault(403));
    }

    /** Glance's _do_replace: an admin gives an image to another project; nobody else may. */
    @Test
    void onlyAnAdminChangesTheOwner() {
        String id = create(member, "{\"name\":\"o\"}");
        String other = "p-" + UUID.randomUUID();
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/owner\",\"value\":\"" + other + "\"}]")
                .spec(fault(403, containsString("Owner can't be updated by non admin.")));
        patch(admin, id, "[{\"op\":\"remove\",\"path\":\"/owner\"}]").spec(fault(403));
        patch(admin, id, "[{\"op\":\"replace\",\"path\":\"/owner\",\"value\":7}]").spec(fault(400, containsString("'owner'")));
        draft4(admin, id, "[{\"add\":\"/owner\",\"value\":\"" + other + "\"}]").spec(fault(409, containsString("already present")));
        draft4(admin, id, "[{\"replace\":\"/owner\",\"value\":\"" + other + "\"}]").statusCode(200)
                .body("owner", equalTo(other));
        as(admin).get("/v2/images/{id}", id).then().body("owner", equalTo(other));
        // the former owner no longer sees it
        as(member).get("/v2/images/{id}", id).then().spec(fault(404));
    }

    /** Tempest's images client (test_update_image) patches with the v2.0 media type: JSON patch draft 4. */
    @Test
    void theDraft4PatchTypeUpdatesAsTempestSendsIt() {
        String id = create(member, "{\"name\":\"old\",\"disk_format\":\"raw\",\"container_format\":\"bare\","
                + "\"visibility\":\"private\",\"os_distro\":\"cirros\"}");
        draft4(member, id, "[{\"replace\":\"/name\",\"value\":\"new\"},{\"add\":\"/owner_team\",\"value\":\"ops\"},"
                + "{\"remove\":\"/os_distro\"}]").statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("new")).body("owner_team", equalTo("ops"))
                .body("os_distro", nullValue());
        as(member).get("/v2/images/{id}", id).then().statusCode(200).body("name", equalTo("new"));
        draft4(member, id, "[{\"add\":\"/owner_team\",\"value\":\"dev\"}]").spec(fault(409, containsString("already present")));
        draft4(member, id, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}]")
                .spec(fault(400, containsString("exactly one member")));
        draft4(member, id, "[{\"replace\":\"/name\"}]").spec(fault(400, containsString("requires a member named")));
        draft4(member, id, "[{\"replace\":\"/status\",\"value\":\"active\"}]").spec(fault(403, containsString("read-only")));
        draft4(member, UUID.randomUUID().toString(), "[{\"replace\":\"/name\",\"value\":\"x\"}]").spec(fault(404));
        as(member).get("/v2/images/{id}", id).then().body("name", equalTo("new")).body("owner_team", equalTo("ops"));
    }

    /** Glance's router matches exactly: an empty image id (a trailing slash) names no route, 404 for any method. */
    @Test
    void anEmptyImageIdIs404() {
        String id = create(member, "{\"name\":\"stays\"}");
        as(member).get("/v2/images/").then().spec(fault(404));
        as(member).delete("/v2/images/").then().spec(fault(404));
        as(member).get("/v2/images/{id}/", id).then().spec(fault(404));
        as(member).get("/v2/images/{id}", id).then().statusCode(200);
        as(member).get("/v2/images").then().statusCode(200);
        as(member).get("/v2/").then().statusCode(200);
    }

    @Test
    void aProtectedImageCannotBeDeleted() {
        String id = create(member, "{\"name\":\"keep\",\"protected\":true}");
        as(member).delete("/v2/images/{id}", id).then().spec(fault(403)).body("error.message", containsString("protected"));
        patch(member, id, "[{\"op\":\"replace\",\"path\":\"/protected\",\"value\":false}]").statusCode(200);
        as(member).delete("/v2/images/{id}", id).then().statusCode(204);
        as(member).get("/v2/images/{id}", id).then().spec(fault(404));
        assertEquals(1, ImageDb.events("strato.image.image.deleted.v1", id));
    }

    @Test
    void deletingAnImageRemovesItsBytes() {
        String id = create(member, "{\"name\":\"with-bytes\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        given().header("X-Auth-Token", member).contentType("application/octet-stream").body(new byte[4096])
                .put("/v2/images/{id}/file", id).then().statusCode(204);
        String location = ImageDb.text("select store_location from image where id = ?", UUID.fromString(id));
        Path file = Path.of(ConfigProvider.getConfig().getValue("strato.image.store.directory", String.class))
                .toAbsolutePath().resolve(location);
        assertTrue(Files.exists(file), "the upload is in the store");
        as(member).delete("/v2/images/{id}", id).then().statusCode(204);
        assertFalse(Files.exists(file), "the deleted image's bytes are gone");
    }

    @Test
    void deactivateAndReactivate() {
        String id = create(member, "{\"name\":\"life\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        as(member).post("/v2/images/{id}/actions/deactivate", id).then().spec(fault(403));
        ImageDb.update("update image set status = 'active' where id = ?", UUID.fromString(id));
        String reader = TestIdentity.token("u-reader", project, "reader");
        as(reader).post("/v2/images/{id}/actions/deactivate", id).then().spec(fault(403));
        as(member).post("/v2/images/{id}/actions/deactivate", id).then().statusCode(204);
        as(member).get("/v2/images/{id}", id).then().body("status", equalTo("deactivated"));
        as(member).post("/v2/images/{id}/actions/deactivate", id).then().statusCode(204);
        as(member).post("/v2/images/{id}/actions/reactivate", id).then().statusCode(204);
        as(member).get("/v2/images/{id}", id).then().body("status", equalTo("active"));
        assertEquals(1, ImageDb.events("strato.image.image.deactivated.v1", id));
        assertEquals(1, ImageDb.events("strato.image.image.reactivated.v1", id));
    }

    @Test
    void tagsAreAddedAndRemovedOneByOne() {
        String id = create(member, "{\"name\":\"tagged\"}");
        as(member).put("/v2/images/{id}/tags/{tag}", id, "golden").then().statusCode(204);
        as(member).put("/v2/images/{id}/tags/{tag}", id, "golden").then().statusCode(204);
        as(member).put("/v2/images/{id}/tags/{tag}", id, "ubuntu").then().statusCode(204);
        as(member).get("/v2/images/{id}", id).then().body("tags", equalTo(List.of("golden", "ubuntu")));
        as(member).delete("/v2/images/{id}/tags/{tag}", id, "golden").then().statusCode(204);
        as(member).delete("/v2/images/{id}/tags/{tag}", id, "golden").then().spec(fault(404));
        as(member).put("/v2/images/{id}/tags/{tag}", id, "a,b").then().spec(fault(400, containsString("Invalid tag 'a,b'")));
        as(member).get("/v2/images/{id}", id).then().body("tags", equalTo(List.of("ubuntu")))
                .body("tags", not(hasItem("golden")));
    }

    @Test
    void versionsAndSchemas() {
        given().get("/").then().statusCode(300).body("versions[0].status", equalTo("CURRENT"))
                .body("versions[0].links[0].href", equalTo("http://127.0.0.1:8080/image/v2/"))
                .body("versions[0].keySet()", equalTo(Set.of("id", "status", "links")))
                .body("versions[0].links[0].keySet()", equalTo(Set.of("rel", "href")));
        as(member).get("/v2/images/{id}", UUID.randomUUID()).then().spec(fault(404))
                .body("keySet()", equalTo(Set.of("error")))
                .body("error.keySet()", equalTo(Set.of("code", "title", "message")));
        as(member).get("/v2/schemas/image").then().statusCode(200)
                .body("name", equalTo("image"))
                .body("properties.disk_format.enum", hasItem("qcow2"))
                .body("properties.container_format.enum", hasItem("bare"))
                .body("properties.visibility.enum", hasItem("community"))
                .body("additionalProperties.type", equalTo("string"));
        as(member).get("/v2/schemas/images").then().statusCode(200).body("properties.images.type", equalTo("array"));
        as(member).get("/v2/schemas/member").then().statusCode(200).body("properties.status.enum", hasItem("accepted"));
        as(member).get("/v2/schemas/members").then().statusCode(200).body("name", equalTo("members"));
    }

    @Test
    void noTokenIs401() {
        given().get("/v2/images").then().spec(fault(401));
    }

    private io.restassured.response.ValidatableResponse draft4(String token, String id, String ops) {
        return given().header("X-Auth-Token", token).contentType("application/openstack-images-v2.0-json-patch")
                .body(ops.getBytes(StandardCharsets.UTF_8)).patch("/v2/images/{id}", id).then();
    }

    private io.restassured.response.ValidatableResponse patch(String token, String id, String ops) {
        return given().header("X-Auth-Token", token).contentType(PATCH).body(ops.getBytes(StandardCharsets.UTF_8))
                .patch("/v2/images/{id}", id).then();
    }
}
