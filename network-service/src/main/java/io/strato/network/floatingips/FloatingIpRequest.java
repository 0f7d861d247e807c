package io.strato.network.floatingips;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddressString;
import io.strato.network.api.Attributes;
import io.strato.network.api.Neutron;
import io.strato.network.tags.Tags;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The bodies of floating IP create and update, read and checked as Neutron's API layer does. */
final class FloatingIpRequest {
    private static final Set<String> CREATE = Set.of("floating_network_id", "floating_ip_address", "subnet_id", "port_id",
            "fixed_ip_address", "description", "project_id", "tenant_id", "tags");
    private static final Set<String> UPDATE = Set.of("port_id", "fixed_ip_address", "description");

    private FloatingIpRequest() {
    }

    record Create(Optional<String> projectId, UUID networkId, String floatingIpAddress, UUID subnetId, UUID portId,
                  String fixedIpAddress, String description, List<String> tags) {
    }

    /**
     * @param portGiven whether the body names {@code port_id} (null then disassociates); when it does not,
     *                  the association stays as it is
     */
    record Update(boolean portGiven, UUID portId, String fixedIpAddress, Optional<String> description) {
    }

    static Create create(JsonNode body) {
        Attributes a = Attributes.of(body, CREATE);
        UUID network = a.uuid("floating_network_id").orElseThrow(() -> Neutron.badRequest("HTTPBadRequest",
                "Failed to parse request. Required attribute 'floating_network_id' not specified"));
        String address = ip(a, "floating_ip_address");
        String fixed = ip(a, "fixed_ip_address");
        UUID port = a.uuid("port_id").orElse(null);
        noFixedIpWithoutPort(fixed, port);
        return new Create(a.string("project_id", 64).or(() -> a.string("tenant_id", 64)), network, address,
                a.uuid("subnet_id").orElse(null), port, fixed, a.string("description", 255).orElse(""),
                a.has("tags") ? Tags.list(a.raw("tags")) : List.of());
    }

    static Update update(JsonNode body) {
        Attributes a = Attributes.of(body, UPDATE);
        UUID port = a.uuid("port_id").orElse(null);
        String fixed = ip(a, "fixed_ip_address");
        noFixedIpWithoutPort(fixed, port);
        return new Update(a.has("port_id"), port, fixed, a.string("description", 255));
    }

    private static void noFixedIpWithoutPort(String fixed, UUID port) {
        if (fixed != null && port == null) {
            throw bad("fixed_ip_address cannot be specified without a port_id");
        }
    }

    private static String ip(Attributes a, String name) {
        return a.string(name, 64).map(s -> {
            IPAddressString parsed = new IPAddressString(s);
            if (!parsed.isIPAddress() || parsed.isPrefixed()) {
                throw Neutron.invalid("'" + s + "' is not a valid IP address for " + name + ".");
            }
            return parsed.getAddress().toCanonicalString();
        }).orElse(null);
    }

    static RuntimeException bad(String msg) {
        return Neutron.badRequest("BadRequest", "Bad floatingip request: " + msg + ".");
    }
}
