package io.strato.kit.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the {@code uri} tag of the HTTP metrics is a route template or a bounded name, never a raw path. Made-up
 * paths of every kind (unknown routes, a plain Vert.x route, requests refused before matching, a wrong method) do
 * not add series, and no resource id of a request appears in {@code /q/metrics}.
 */
@QuarkusTest
class MetricsRouteTemplatesTest {
    private static final Pattern URI_TAG = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"",
            Pattern.MULTILINE);

    @Test
    void twoHundredMadeUpPathsMakeABoundedSetOfSeriesWithoutTheirIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            given().get("/v1/widgets/" + id).then().statusCode(200);              // a template
            given().get("/nowhere/" + id + "/x").then().statusCode(404);          // no route
            given().get("/plain/" + id).then().statusCode(200);                   // a plain Vert.x route
            given().urlEncodingEnabled(false).get("/v1/widgets/" + id + "%00").then().statusCode(400); // refused before matching
            given().delete("/v1/widgets/" + id).then().statusCode(405);           // the path's, not the method's
        }
        String metrics = given().port(ManagementInterfaceTest.MANAGEMENT).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        for (String id : ids) {
            assertFalse(metrics.contains(id), "a request's id is in /q/metrics: " + id);
        }
        Set<String> uris = new TreeSet<>();
        Matcher m = URI_TAG.matcher(metrics);
        while (m.find()) {
            uris.add(m.group(1));
        }
        assertTrue(uris.contains("/v1/widgets/{id}"), uris.toString());
        assertTrue(uris.contains("NOT_FOUND"), uris.toString());
        assertTrue(uris.contains("/" + RouteTemplates.UNKNOWN), uris.toString());
        assertTrue(uris.size() <= 6, "uri tags: " + uris);
        for (String uri : uris) {
            assertTrue(uri.equals("NOT_FOUND") || uri.equals("/" + RouteTemplates.UNKNOWN)
                    || uri.startsWith("/v1/widgets"), "uri tag " + uri + " of " + uris);
        }
    }
}
