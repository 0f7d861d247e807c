package io.strato.network.routers;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddressString;
import io.strato.kit.web.Ids;
import io.strato.network.api.Attributes;
import io.strato.network.api.Neutron;
import io.strato.network.ports.FixedIpRequest;
import io.strato.network.tags.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The bodies of the router operations, read and checked as Neutron's API layer does. */
final class RouterRequest {
    private static final Set<String> CREATE = Set.of("name", "description", "admin_state_up", "external_gateway_info",
            "project_id", "tenant_id", "tags", "distributed", "ha");
    private static final Set<String> UPDATE = Set.of("name", "description", "admin_state_up", "external_gateway_info",
            "routes", "distributed", "ha");
    private static final Set<String> GATEWAY = Set.of("network_id", "enable_snat", "external_fixed_ips");

    private RouterRequest() {
    }

    /**
     * What {@code external_gateway_info} asks for.
     *
     * @param networkId  the external network; null clears the gateway ({@code {}} or null)
     * @param enableSnat null when not given
     * @param fixedIps   null when not given
     */
    record Gateway(UUID networkId, Boolean enableSnat, List<FixedIpRequest> fixedIps) {
        boolean clears() {
            return networkId == null;
        }
    }

    /** {@code gateway} is empty when the body has no external_gateway_info. */
    record Create(Optional<String> projectId, String name, String description, boolean adminStateUp,
                  Optional<Gateway> gateway, List<String> tags) {
    }

    /** Empty optionals are attributes the body leaves alone. */
    record Update(Optional<String> name, Optional<String> description, Optional<Boolean> adminStateUp,
                  Optional<Gateway> gateway, Optional<List<Map<String, String>>> routes) {
    }

    /** {@code add/remove_router_interface}: exactly one of them for an add; either or both for a removal. */
    record Interface(UUID subnetId, UUID portId) {
    }

    static Create create(JsonNode body) {
        Attributes a = Attributes.of(body, CREATE);
        noDistributedOrHa(a);
        Optional<String> project = a.string("project_id", 64).or(() -> a.string("tenant_id", 64));
        return new Create(project, a.string("name", 255).orElse(""), a.string("description", 255).orElse(""),
                a.bool("admin_state_up").orElse(true), gateway(a), a.has("tags") ? Tags.list(a.raw("tags")) : List.of());
    }

    static Update update(JsonNode body) {
        Attributes a = Attributes.of(body, UPDATE);
        noDistributedOrHa(a);
        Optional<List<Map<String, String>>> routes = a.has("routes")
                ? Optional.of(ExtraRoutes.parse(a.raw("routes"))) : Optional.empty();
        return new Update(a.string("name", 255), a.string("description", 255), a.bool("admin_state_up"), gateway(a), routes);
    }

    /** The routes of an add_extraroutes/remove_extraroutes body ({@code {"router": {"routes": [...]}}}). */
    static List<Map<String, String>> routes(JsonNode body) {
        Attributes a = Attributes.of(body, Set.of("routes"));
        if (!a.has("routes")) {
            throw Neutron.badRequest("HTTPBadRequest", "Invalid input for routes. Reason: routes must be given.");
        }
        return ExtraRoutes.parse(a.raw("routes"));
    }

    static Interface addInterface(JsonNode body) {
        Interface i = interfaceInfo(body);
        if (i.subnetId() != null && i.portId() != null) {
            throw bad("Cannot specify both subnet-id and port-id");
        }
        return i;
    }

    static Interface removeInterface(JsonNode body) {
        return interfaceInfo(body);
    }

    private static Interface interfaceInfo(JsonNode body) {
        UUID subnet = uuidOrBad(body, "subnet_id");
        UUID port = uuidOrBad(body, "port_id");
        if (subnet == null && port == null) {
            throw bad("Either subnet_id or port_id must be specified");
        }
        return new Interface(subnet, port);
    }

    private static UUID uuidOrBad(JsonNode body, String key) {
        JsonNode v = body.get(key);
        if (v == null) {
            return null;
        }
        return Ids.parse(v.asText()).orElseThrow(() -> bad("'" + v.asText() + "' is not a valid UUID"));
    }

    private static Optional<Gateway> gateway(Attributes a) {
        if (!a.has("external_gateway_info")) {
            return Optional.empty();
        }
        JsonNode g = a.raw("external_gateway_info");
        if (g.isNull() || (g.isObject() && g.isEmpty())) {
            return Optional.of(new Gateway(null, null, null));
        }
        if (!g.isObject()) {
            throw Neutron.invalid("'" + g + "' is not a dictionary for external_gateway_info.");
        }
        Attributes info = Attributes.of(g, GATEWAY);
        UUID network = info.uuid("network_id").orElseThrow(() ->
                Neutron.invalid("Validation of dictionary's keys failed. Expected keys: {'network_id'} Provided keys: "
                        + fieldNames(g) + " for external_gateway_info."));
        List<FixedIpRequest> ips = info.has("external_fixed_ips") ? fixedIps(info.raw("external_fixed_ips")) : null;
        return Optional.of(new Gateway(network, info.bool("enable_snat").orElse(null), ips));
    }

    private static List<FixedIpRequest> fixedIps(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw Neutron.invalid("'" + node + "' is not a list for external_fixed_ips.");
        }
        List<FixedIpRequest> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw Neutron.invalid("'" + item + "' is not a dictionary in external_fixed_ips.");
            }
            Attributes ip = Attributes.of(item, Set.of("subnet_id", "ip_address"));
            Optional<String> address = ip.string("ip_address", 64);
            address.ifPresent(s -> {
                IPAddressString parsed = new IPAddressString(s);
                if (!parsed.isIPAddress() || parsed.isPrefixed()) {
                    throw Neutron.invalid("'" + s + "' is not a valid IP address.");
                }
            });
            out.add(new FixedIpRequest(ip.uuid("subnet_id").orElse(null), address.orElse(null)));
        }
        return out;
    }

    /** Strato's routers are neither distributed nor HA: only {@code false} is accepted. */
    private static void noDistributedOrHa(Attributes a) {
        for (String flag : new String[]{"distributed", "ha"}) {
            if (a.bool(flag).orElse(false)) {
                throw Neutron.invalid("'" + flag + "' routers are not supported.");
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static RuntimeException bad(String msg) {
        return Neutron.badRequest("BadRequest", "Bad router request: " + msg + ".");
    }
}
