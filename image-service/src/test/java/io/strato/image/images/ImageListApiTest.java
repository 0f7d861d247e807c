package io.strato.image.images;

import static io.strato.image.images.ImageApiTest.as;
import static io.strato.image.images.ImageApiTest.create;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /v2/images: what each caller sees, Glance's filters, sorting and marker paging. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class ImageListApiTest {
    private final String project = "p-" + UUID.randomUUID();
    private final String member = TestIdentity.token("u-" + project, project, "member", "reader");
    private final String admin = TestIdentity.token("admin", "admin-project", "admin", "member", "reader");

    private List<String> names(String token, String query) {
        return as(token).get("/v2/images?owner=" + project + (query.isEmpty() ? "" : "&" + query))
                .then().statusCode(200).extract().path("images.name");
    }

    @Test
    void filtersBySizeNameTagPropertyAndStatus() {
        for (int n = 1; n <= 4; n++) {
            String id = create(member, "{\"name\":\"img-" + n + "\",\"os_distro\":\"" + (n % 2 == 0 ? "ubuntu" : "fedora")
                    + "\",\"tags\":[\"t" + n + "\",\"all\"]}");
            ImageDb.update("update image set size = ?, status = ? where id = ?", 1000L * n,
                    n == 4 ? "active" : "queued", UUID.fromString(id));
        }
        assertEquals(List.of("img-4", "img-3", "img-2", "img-1"), names(member, ""));
        assertEquals(List.of("img-2"), names(member, "name=img-2"));
        assertEquals(List.of("img-4", "img-2"), names(member, "os_distro=ubuntu"));
        assertEquals(List.of("img-3"), names(member, "tag=t3&tag=all"));
        assertEquals(List.of(), names(member, "tag=t3&tag=t1"));
        assertEquals(List.of("img-3", "img-2"), names(member, "size_min=2000&size_max=3000"));
        // Glance compares every other image column exactly (Tempest's test_list_images_param_size)
        assertEquals(List.of("img-3"), names(member, "size=3000"));
        assertEquals(List.of(), names(member, "size=3001"));
        assertEquals(List.of("img-2"), names(member, "size=2000&status=queued&name=img-2"));
        assertEquals(List.of("img-4", "img-1"), names(member, "name=in:img-4,\"img-1\""));
        assertEquals(List.of("img-4"), names(member, "status=in:active,killed&tag=all"));
        assertEquals(List.of("img-3", "img-1"), names(member, "status=in:queued&os_distro=fedora"));
        assertEquals(List.of("img-4"), names(member, "status=eq:active"));
        assertEquals(List.of(), names(member, "id=" + UUID.randomUUID()));
        assertEquals(List.of(), names(member, "id=not-a-uuid"));
        as(member).get("/v2/images?size=big").then().spec(fault(400, containsString("size")));
        as(member).get("/v2/images?status=like:act").then().spec(fault(400, containsString("unknown operator 'like'")));
        as(member).get("/v2/images?name=in:\"a,b").then().spec(fault(400, containsString("quote")));
        assertEquals(List.of("img-4"), names(member, "status=active"));
        assertEquals(List.of("img-1", "img-2", "img-3", "img-4"), names(member, "sort_key=name&sort_dir=asc"));
        assertEquals(List.of("img-4", "img-3", "img-2", "img-1"), names(member, "sort=size:desc"));
        as(member).get("/v2/images?size_min=big").then().spec(fault(400, containsString("size_min")));
        as(member).get("/v2/images?sort_key=password").then().spec(fault(400, containsString("Invalid sort key: password")));
        as(member).get("/v2/images?sort_dir=sideways").then().spec(fault(400, containsString("sideways")));
        as(member).get("/v2/images?sort=name:asc&sort_key=name").then().spec(fault(400, containsString("cannot be combined")));
        as(member).get("/v2/images?visibility=everything").then().spec(fault(400, containsString("everything")));
        as(member).get("/v2/images?limit=-1").then().spec(fault(400));
        as(member).get("/v2/images?marker=" + UUID.randomUUID()).then().spec(fault(400));
    }

    @Test
    void pagesFollowTheMarkerInSortOrder() {
        List<String> created = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            created.add(create(member, "{\"name\":\"page-" + (n % 2) + "\"}"));
        }
        List<String> seen = new ArrayList<>();
        String next = "/v2/images?owner=" + project + "&sort_key=name&sort_dir=asc&limit=2";
        int pages = 0;
        while (next != null && pages < 10) {
            var page = as(member).get(next).then().statusCode(200)
                    .body("schema", equalTo("/v2/schemas/images"))
                    .body("first", containsString("/v2/images")).extract();
            List<String> ids = page.path("images.id");
            seen.addAll(ids);
            next = page.path("next");
            pages++;
        }
        assertEquals(3, pages, "5 images in pages of 2, and a last empty-or-short page ends the walk");
        assertEquals(5, seen.size());
        assertEquals(new java.util.HashSet<>(created), new java.util.HashSet<>(seen));
        List<String> names = as(member).get("/v2/images?owner=" + project + "&sort_key=name&sort_dir=asc")
                .then().extract().path("images.name");
        assertEquals(List.of("page-0", "page-0", "page-1", "page-1", "page-1"), names);
        as(member).get("/v2/images?owner=" + project + "&limit=5").then().body("next", org.hamcrest.Matchers.notNullValue());
        as(member).get("/v2/images?owner=" + project + "&limit=6").then().body("next", nullValue());
    }

    @Test
    void eachCallerSeesWhatGlanceShowsThem() {
        String mine = create(member, "{\"name\":\"mine\"}");
        String community = create(member, "{\"name\":\"comm\",\"visibility\":\"community\"}");
        String shared = create(member, "{\"name\":\"shared\",\"visibility\":\"shared\"}");
        String published = create(admin, "{\"name\":\"pub-" + project + "\",\"visibility\":\"public\"}");
        String other = "p-other-" + UUID.randomUUID();
        String stranger = TestIdentity.token("u-other", other, "member", "reader");

        List<String> strangerDefault = as(stranger).get("/v2/images?limit=1000").then().statusCode(200)
                .extract().path("images.id");
        assertEquals(false, strangerDefault.contains(mine));
        assertEquals(false, strangerDefault.contains(community), "community images are listed only when asked");
        assertEquals(false, strangerDefault.contains(shared));
        as(stranger).get("/v2/images?visibility=public&limit=1000").then().body("images.id", hasItem(published));
        as(stranger).get("/v2/images?visibility=community&owner=" + project).then().body("images.id", equalTo(List.of(community)));
        as(stranger).get("/v2/images?visibility=private&owner=" + project).then().body("images", equalTo(List.of()));

        ImageDb.update("insert into image_member (image_id, member_id, status) values (?, ?, 'pending')",
                UUID.fromString(shared), other);
        as(stranger).get("/v2/images?owner=" + project).then().body("images.id", not(hasItem(shared)));
        as(stranger).get("/v2/images?owner=" + project + "&member_status=pending")
                .then().body("images.id", equalTo(List.of(shared)));
        as(stranger).get("/v2/images/{id}", shared).then().statusCode(200);
        ImageDb.update("update image_member set status = 'accepted' where image_id = ?", UUID.fromString(shared));
        as(stranger).get("/v2/images?owner=" + project).then().body("images.id", equalTo(List.of(shared)));
        as(stranger).get("/v2/images?visibility=shared&owner=" + project).then().body("images.id", equalTo(List.of(shared)));

        List<String> own = as(member).get("/v2/images?owner=" + project).then().extract().path("images.id");
        assertEquals(new java.util.HashSet<>(List.of(mine, community, shared)), new java.util.HashSet<>(own));
        List<String> all = as(admin).get("/v2/images?owner=" + project).then().extract().path("images.id");
        assertEquals(3, all.size(), "an admin lists every project's images");
        assertNotNull(published);
    }
}
