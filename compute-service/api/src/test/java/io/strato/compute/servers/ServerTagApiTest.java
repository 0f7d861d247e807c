package io.strato.compute.servers;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Nova's server tags (2.26): the tags API, tags in the views, the list's tag filters, tags at create (2.52). */
@QuarkusTest
@ServersInfra
class ServerTagApiTest extends ServerTestBase {


    private String tags(UUID id) {
        return SERVERS + "/" + id + "/tags";
    }

    @Test
    void tagsAreSetReplacedCheckedAndDeleted() {
        UUID id = active("tagged");
        as(member).get(tags(id)).then().statusCode(404);
        at(member, 26).get(tags(id)).then().statusCode(200).body("tags", equalTo(List.of()));
        at(member, 26).body("{\"tags\": [\"red\", \"blue\", \"red\"]}").put(tags(id)).then().statusCode(200)
                .body("tags", equalTo(List.of("blue", "red")));
        at(member, 26).put(tags(id) + "/green").then().statusCode(201)
                .header("Location", endsWith("/v2.1/servers/" + id + "/tags/green"));
        at(member, 26).put(tags(id) + "/green").then().statusCode(204);
        at(reader, 26).get(tags(id) + "/green").then().statusCode(204);
        at(reader, 26).get(tags(id) + "/pink").then().statusCode(404);
        at(reader, 26).put(tags(id) + "/pink").then().statusCode(403);
        at(member, 26).get(SERVERS + "/" + id).then().body("server.tags", equalTo(List.of("blue", "green", "red")));
        at(member, 26).body("{\"server\": {\"name\": \"renamed\"}}").put(SERVERS + "/" + id).then()
                .body("server.tags", equalTo(List.of("blue", "green", "red")));
        at(member, 25).get(SERVERS + "/" + id).then().body("server", not(hasKey("tags")));
        at(member, 26).delete(tags(id) + "/blue").then().statusCode(204);
        at(member, 26).delete(tags(id) + "/blue").then().statusCode(404);
        at(member, 26).get(tags(id)).then().body("tags", equalTo(List.of("green", "red")));
        at(member, 26).delete(tags(id)).then().statusCode(204);
        at(member, 26).get(tags(id)).then().body("tags", equalTo(List.of()));
        at(member, 26).get(tags(UUID.randomUUID())).then().statusCode(404);
    }

    @Test
    void invalidTagsTooManyTagsAndBusyServersAreRefused() {
        UUID id = active("limits");
        at(member, 26).body("{\"tags\": [\"a/b\"]}").put(tags(id)).then().statusCode(400);
        at(member, 26).body("{\"tags\": [\"a,b\"]}").put(tags(id)).then().statusCode(400);
        at(member, 26).body("{\"tags\": [\"" + "x".repeat(61) + "\"]}").put(tags(id)).then().statusCode(400);
        at(member, 26).body("{\"tags\": \"a\"}").put(tags(id)).then().statusCode(400);
        at(member, 26).body("{\"tag\": [\"a\"]}").put(tags(id)).then().statusCode(400);
        at(member, 26).put(tags(id) + "/a,b").then().statusCode(400);
        at(member, 26).body("{\"x\": 1}").put(tags(id) + "/a").then().statusCode(400);
        StringBuilder fifty = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            fifty.append(i == 0 ? "" : ", ").append("\"t").append(i).append("\"");
        }
        at(member, 26).body("{\"tags\": [" + fifty + ", \"t50\"]}").put(tags(id)).then().statusCode(400);
        at(member, 26).body("{\"tags\": [" + fifty + "]}").put(tags(id)).then().statusCode(200);
        at(member, 26).put(tags(id) + "/one-more").then().statusCode(400)
                .body("badRequest.message", equalTo("The number of tags exceeded the per-server limit 50"));
        UUID building = UUID.fromString(create(member, body("building", null)).then().statusCode(202).extract().path("server.id"));
        at(member, 26).put(tags(building) + "/x").then().statusCode(409);
    }

    @Test
    void theListFiltersByTags() {
        UUID a = active("a");
        UUID b = active("b");
        at(member, 26).body("{\"tags\": [\"red\", \"blue\"]}").put(tags(a)).then().statusCode(200);
        at(member, 26).body("{\"tags\": [\"red\"]}").put(tags(b)).then().statusCode(200);
        at(member, 26).get(SERVERS + "?tags=red,blue").then().body("servers.id", equalTo(List.of(a.toString())));
        at(member, 26).get(SERVERS + "?tags-any=blue,green").then().body("servers.id", equalTo(List.of(a.toString())));
        at(member, 26).get(SERVERS + "?not-tags=red,blue").then().body("servers.id", equalTo(List.of(b.toString())));
        at(member, 26).get(SERVERS + "?not-tags-any=blue").then().body("servers.id", equalTo(List.of(b.toString())));
        at(member, 26).get(SERVERS + "?tags=red&not-tags-any=blue").then().body("servers.id", equalTo(List.of(b.toString())));
        as(member).get(SERVERS + "?tags=blue").then().body("servers.size()", equalTo(2));
    }

    @Test
    void from252TagsAreGivenAtCreate() {
        UUID id = UUID.fromString(at(member, 52).body(body("born-tagged", "\"tags\": [\"x\", \"y\"]")).post(SERVERS).then()
                .statusCode(202).extract().path("server.id"));
        at(member, 52).get(tags(id)).then().body("tags", equalTo(List.of("x", "y")));
        at(member, 51).body(body("too-early", "\"tags\": [\"x\"]")).post(SERVERS).then().statusCode(400);
        at(member, 52).body(body("bad", "\"tags\": [\"a/b\"]")).post(SERVERS).then().statusCode(400);
    }
}
