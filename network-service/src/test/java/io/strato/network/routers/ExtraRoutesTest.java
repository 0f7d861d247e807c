package io.strato.network.routers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.ApiException;
import io.strato.network.api.NeutronType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.function.Executable;

class ExtraRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ROUTER = UUID.randomUUID();
    private static final List<String> CONNECTED = List.of("10.0.1.0/24", "203.0.113.0/24", "2001:db8::/64");
    private static final Set<String> OWN = Set.of("10.0.1.1", "203.0.113.7");

    private static List<Map<String, String>> parse(String json) throws Exception {
        return ExtraRoutes.parse(JSON.readTree(json));
    }

    /** The fault's Neutron type, after checking it is a 400 whose message has {@code text}. */
    private static String fault400(Executable e, String text) {
        ApiException fault = assertThrows(ApiException.class, e);
        assertEquals(400, fault.status());
        assertTrue(fault.getMessage().contains(text), fault.getMessage());
        return ((NeutronType) fault).neutronType();
    }

    @Test
    void routesAreReadAndCanonicalised() throws Exception {
        assertEquals(List.of(Map.of("destination", "10.2.0.0/16", "nexthop", "10.0.1.5"),
                        Map.of("destination", "2001:db8:0:0:1::/80", "nexthop", "2001:db8::5")),
                parse("[{\"destination\": \"10.2.0.0/16\", \"nexthop\": \"10.0.1.5\"},"
                        + "{\"destination\": \"2001:DB8:0:0:1:0:0:0/80\", \"nexthop\": \"2001:DB8::5\"}]"));
        assertEquals(List.of(), parse("[]"));
        assertEquals(List.of(), parse("null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "[{\"destination\": \"10.2.0.0/16\"}]",
            "[{\"destination\": \"10.2.0.0/16\", \"nexthop\": \"10.0.1.5\", \"extra\": 1}]",
            "[{\"destination\": \"10.2.0.0\", \"nexthop\": \"10.0.1.5\"}]",
            "[{\"destination\": \"10.300.0.0/16\", \"nexthop\": \"10.0.1.5\"}]",
            "[{\"destination\": \"10.2.0.0/16\", \"nexthop\": \"10.0.1.5/32\"}]",
            "[{\"destination\": \"10.2.0.0/16\", \"nexthop\": \"gateway\"}]",
            "[{\"destination\": \"10.2.0.0/16\", \"nexthop\": \"2001:db8::5\"}]",
            "[{\"destination\": \"10.2.0.0/16\", \"nexthop\": 5}]",
            "[{\"destination\": \"10.2.0.0/16\", \"nexthop\": \"10.0.1.5\"}, {\"destination\": \"10.2.0.0/16\", \"nexthop\": \"10.0.1.5\"}]"})
    void malformedRoutesAre400(String json) {
        fault400(() -> parse(json), "Invalid input for routes. Reason: ");
    }

    @Test
    void aNexthopOnAConnectedSubnetIsAccepted() throws Exception {
        var routes = parse("[{\"destination\": \"0.0.0.0/0\", \"nexthop\": \"203.0.113.9\"},"
                + "{\"destination\": \"10.9.0.0/16\", \"nexthop\": \"10.0.1.254\"},"
                + "{\"destination\": \"2001:db8:1::/48\", \"nexthop\": \"2001:db8::9\"}]");
        assertDoesNotThrow(() -> ExtraRoutes.validate(ROUTER, routes, CONNECTED, OWN));
    }

    @Test
    void aNexthopOffTheRoutersSubnetsIsInvalidRoutes() throws Exception {
        var routes = parse("[{\"destination\": \"10.9.0.0/16\", \"nexthop\": \"10.0.2.5\"}]");
        assertEquals("InvalidRoutes", fault400(() -> ExtraRoutes.validate(ROUTER, routes, CONNECTED, OWN),
                "the nexthop is not connected with router"));
        fault400(() -> ExtraRoutes.validate(ROUTER, routes, List.of(), Set.of()), "not connected");
    }

    @Test
    void theRoutersOwnAddressIsNoNexthop() throws Exception {
        var routes = parse("[{\"destination\": \"10.9.0.0/16\", \"nexthop\": \"10.0.1.1\"}]");
        assertEquals("InvalidRoutes", fault400(() -> ExtraRoutes.validate(ROUTER, routes, CONNECTED, OWN),
                "the nexthop is used by router"));
    }

    @Test
    void moreThanThirtyRoutesAreRoutesExhausted() {
        List<Map<String, String>> routes = new ArrayList<>();
        for (int i = 0; i <= ExtraRoutes.MAX_ROUTES; i++) {
            routes.add(ExtraRoutes.route("10." + (100 + i) + ".0.0/16", "10.0.1.5"));
        }
        assertDoesNotThrow(() -> ExtraRoutes.validate(ROUTER, routes.subList(0, ExtraRoutes.MAX_ROUTES), CONNECTED, OWN));
        assertEquals("RoutesExhausted", fault400(() -> ExtraRoutes.validate(ROUTER, routes, CONNECTED, OWN),
                "exceeds the maximum 30"));
    }

    @Test
    void unionKeepsOneOfEachAndMinusIgnoresAbsentRoutes() {
        var a = ExtraRoutes.route("10.9.0.0/16", "10.0.1.5");
        var b = ExtraRoutes.route("10.8.0.0/16", "10.0.1.6");
        var c = ExtraRoutes.route("10.7.0.0/16", "10.0.1.7");
        assertEquals(List.of(a, b, c), ExtraRoutes.union(List.of(a, b), List.of(b, c)));
        assertEquals(List.of(a), ExtraRoutes.minus(List.of(a, b), List.of(b, c)));
    }

    @Test
    void aRouteUsesTheSubnetOfItsNexthop() {
        var routes = List.of(ExtraRoutes.route("10.9.0.0/16", "10.0.1.5"));
        assertTrue(ExtraRoutes.usesSubnet(routes, "10.0.1.0/24"));
        assertFalse(ExtraRoutes.usesSubnet(routes, "10.0.2.0/24"));
        assertFalse(ExtraRoutes.usesSubnet(routes, "2001:db8::/64"));
    }

    @Test
    void containsComparesAddressesNotStrings() {
        assertTrue(ExtraRoutes.contains("10.0.0.0/8", "10.200.3.4"));
        assertFalse(ExtraRoutes.contains("10.0.1.0/24", "10.0.10.1"));
        assertTrue(ExtraRoutes.contains("2001:db8::/64", "2001:DB8:0::1"));
        assertFalse(ExtraRoutes.contains("10.0.1.0/24", "2001:db8::1"));
    }
}
