package io.strato.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTest {

    private final Route identity = Route.of("identity", "/identity", "http://127.0.0.1:5000", 1000);

    @Test
    void coversPrefixAndBelowOnly() {
        assertTrue(identity.covers("/identity"));
        assertTrue(identity.covers("/identity/"));
        assertTrue(identity.covers("/identity/v3/projects"));
        assertFalse(identity.covers("/identityx"));
        assertFalse(identity.covers("/compute/identity"));
    }

    @Test
    void stripsPrefixAndKeepsQuery() {
        assertEquals("/v3/projects?limit=2", identity.upstreamUri("/identity/v3/projects", "limit=2"));
        assertEquals("/", identity.upstreamUri("/identity", null));
        assertEquals("/?x=1", identity.upstreamUri("/identity", "x=1"));
    }

    @Test
    void mergesTheSlashesLeadingTheRest() {
        assertEquals("/", identity.upstreamUri("/identity//", null));
        assertEquals("/v3//projects", identity.upstreamUri("/identity///v3//projects", null));
        Route based = Route.of("image", "/image", "https://glance.local/api/", 1000);
        assertEquals("/api/v2", based.upstreamUri("/image//v2", null));
    }

    @Test
    void prependsUpstreamBasePath() {
        Route based = Route.of("image", "/image", "https://glance.local/api/", 1000);
        assertEquals("/api/v2/images", based.upstreamUri("/image/v2/images", null));
        assertEquals("/api/", based.upstreamUri("/image", null));
        assertTrue(based.ssl());
        assertEquals(443, based.port());
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> Route.of("x", "/", "http://h:1", 1000));
        assertThrows(IllegalArgumentException.class, () -> Route.of("x", "/x/", "http://h:1", 1000));
        assertThrows(IllegalArgumentException.class, () -> Route.of("x", "/q/x", "http://h:1", 1000));
        assertThrows(IllegalArgumentException.class, () -> Route.of("x", "/x", "ftp://h:1", 1000));
        assertThrows(IllegalArgumentException.class, () -> Route.of("x", "/x", "not a url", 1000));
        assertThrows(IllegalArgumentException.class, () -> Route.of("x", "/x", "http://h:1", 0));
    }

    @Test
    void longestPrefixWins() {
        Route v2 = Route.of("v2", "/identity/v2", "http://127.0.0.1:5001", 1000);
        RouteTable table = new RouteTable(List.of(identity, v2));
        assertEquals("v2", table.match("/identity/v2/tenants").orElseThrow().name());
        assertEquals("identity", table.match("/identity/v3").orElseThrow().name());
        assertTrue(table.match("/nothing").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(List.of(identity,
                Route.of("other", "/identity", "http://h:1", 1000))));
    }

    @Test
    void managementPathsAreInternalHoweverSpelled() {
        Route route = Route.of("identity", "/identity", "http://127.0.0.1:5000", 1000);
        for (String path : List.of("/identity/q", "/identity/q/metrics", "/identity//q/health", "/identity/%71/openapi",
                "/identity/%2Fq/metrics", "/identity/q;x=1")) {
            assertTrue(route.internal(path), path);
        }
        for (String path : List.of("/identity", "/identity/", "/identity/v3/q", "/identity/queue", "/identity/qx",
                "/identity/v3/auth/tokens", "/identity/%zz", "/identity/a+q")) {
            assertFalse(route.internal(path), path);
        }
    }
}
