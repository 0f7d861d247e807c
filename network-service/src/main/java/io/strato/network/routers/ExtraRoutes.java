package io.strato.network.routers;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.strato.network.api.Neutron;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A router's static routes ({@code [{"destination": cidr, "nexthop": ip}]}, Neutron's extraroute):
 * their format, and the rule that every next hop is an address on one of the router's connected
 * subnets that is not the router's own.
 */
public final class ExtraRoutes {
    /** Neutron's default {@code max_routes}. */
    public static final int MAX_ROUTES = 30;

    private ExtraRoutes() {
    }

    /**
     * Reads a routes list, each route canonicalised (so that add/remove compare like with like).
     * Malformed routes and duplicates are 400s.
     */
    public static List<Map<String, String>> parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw format("'" + node + "' is not a list");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject() || item.size() != 2 || !item.path("destination").isTextual() || !item.path("nexthop").isTextual()) {
                throw format("'" + item + "' must be an object with exactly 'destination' and 'nexthop'");
            }
            IPAddress destination = cidr(item.get("destination").asText());
            IPAddress nexthop = ip(item.get("nexthop").asText());
            if (destination.getIPVersion() != nexthop.getIPVersion()) {
                throw format("the destination " + destination + " and the nexthop " + nexthop + " are of different IP versions");
            }
            Map<String, String> route = route(destination.toCanonicalString(), nexthop.toCanonicalString());
            if (out.contains(route)) {
                throw format("Duplicate hostroute '" + item + "'");
            }
            out.add(route);
        }
        return out;
    }

    /**
     * @param connectedCidrs the CIDRs of the subnets the router has a port on
     * @param routerIps      the router's own addresses on them
     */
    public static void validate(UUID routerId, List<Map<String, String>> routes, Collection<String> connectedCidrs,
                                Set<String> routerIps) {
        if (routes.size() > MAX_ROUTES) {
            throw Neutron.badRequest("RoutesExhausted", "Unable to complete operation for " + routerId
                    + ". The number of routes exceeds the maximum " + MAX_ROUTES + ".");
        }
        Set<String> own = new LinkedHashSet<>();
        routerIps.forEach(a -> own.add(ip(a).toCanonicalString()));
        for (Map<String, String> route : routes) {
            String nexthop = route.get("nexthop");
            if (own.contains(nexthop)) {
                throw invalid(routes, "the nexthop is used by router");
            }
            if (connectedCidrs.stream().noneMatch(c -> contains(c, nexthop))) {
                throw invalid(routes, "the nexthop is not connected with router");
            }
        }
    }

    /** {@code existing} with {@code added} appended (routes already there are kept once). */
    public static List<Map<String, String>> union(List<Map<String, String>> existing, List<Map<String, String>> added) {
        Set<Map<String, String>> all = new LinkedHashSet<>(existing);
        all.addAll(added);
        return new ArrayList<>(all);
    }

    /** {@code existing} without {@code removed} (routes not there are ignored, as Neutron does). */
    public static List<Map<String, String>> minus(List<Map<String, String>> existing, List<Map<String, String>> removed) {
        List<Map<String, String>> out = new ArrayList<>(existing);
        out.removeAll(removed);
        return out;
    }

    /** Whether a route's next hop is inside {@code cidr} (then the subnet's interface cannot go). */
    public static boolean usesSubnet(List<Map<String, String>> routes, String cidr) {
        return routes.stream().anyMatch(r -> contains(cidr, r.get("nexthop")));
    }

    /** Whether {@code address} lies in {@code cidr}. */
    public static boolean contains(String cidr, String address) {
        IPAddress block = new IPAddressString(cidr).getAddress();
        IPAddress a = new IPAddressString(address).getAddress();
        return block != null && a != null && block.getIPVersion() == a.getIPVersion()
                && block.toPrefixBlock().contains(a.withoutPrefixLength());
    }

    static Map<String, String> route(String destination, String nexthop) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("destination", destination);
        r.put("nexthop", nexthop);
        return r;
    }

    private static IPAddress cidr(String s) {
        IPAddressString str = new IPAddressString(s.trim());
        if (!s.equals(s.trim()) || !str.isIPAddress() || !str.isPrefixed()) {
            throw format("'" + s + "' is not a valid IP subnet");
        }
        return str.getAddress();
    }

    private static IPAddress ip(String s) {
        IPAddressString str = new IPAddressString(s);
        if (!str.isIPAddress() || str.isPrefixed()) {
            throw format("'" + s + "' is not a valid IP address");
        }
        return str.getAddress();
    }

    private static RuntimeException format(String reason) {
        return Neutron.badRequest("HTTPBadRequest", "Invalid input for routes. Reason: " + reason + ".");
    }

    private static RuntimeException invalid(List<Map<String, String>> routes, String reason) {
        return Neutron.badRequest("InvalidRoutes", "Invalid format for routes: " + routes + ", " + reason + ".");
    }
}
