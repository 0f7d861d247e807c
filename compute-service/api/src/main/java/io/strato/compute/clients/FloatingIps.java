package io.strato.compute.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * network-service's floating IPs as Nova's addFloatingIp/removeFloatingIp use them, with the caller's token
 * (a user associates the floating IPs the user may see and change).
 */
@ApplicationScoped
public class FloatingIps {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final NeutronApi neutron;

    FloatingIps(NeutronApi neutron) {
        this.neutron = neutron;
    }

    /** A floating IP; {@code portId} is null when it is not associated. */
    public record FloatingIp(UUID id, String address, UUID portId) {
    }

    /** The floating IPs with this address the caller sees (none, one, or several). */
    public Uni<List<FloatingIp>> byAddress(String address, String token) {
        return Remote.call(Networks.SERVICE, () -> neutron.floatingIpsAt(address, token))
                .onFailure(RemoteFailure.class).transform(e -> new Unavailable(e.getMessage()))
                .map(r -> {
                    if (!r.ok()) {
                        throw new Unavailable(Networks.SERVICE + " answered HTTP " + r.status() + ": " + r.message());
                    }
                    List<FloatingIp> found = new ArrayList<>();
                    r.body().path("floatingips").forEach(f -> found.add(floatingIp(f)));
                    return found;
                });
    }

    /**
     * Associates the floating IP with a port's fixed address, or dissociates it ({@code portId} null). A refusal
     * comes back as a {@link RemoteFailure} with network-service's status and message.
     */
    public Uni<Void> associate(UUID floatingIpId, UUID portId, String fixedAddress, String token) {
        ObjectNode fip = MAPPER.createObjectNode();
        if (portId == null) {
            fip.putNull("port_id");
        } else {
            fip.put("port_id", portId.toString());
            fip.put("fixed_ip_address", fixedAddress);
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.set("floatingip", fip);
        String body = root.toString();
        return Remote.call(Networks.SERVICE, () -> neutron.updateFloatingIp(floatingIpId.toString(), body, token))
                .map(r -> {
                    if (!r.ok()) {
                        throw new RemoteFailure(Networks.SERVICE, r.status(), r.message());
                    }
                    return r;
                }).replaceWithVoid();
    }

    private static FloatingIp floatingIp(JsonNode f) {
        String port = f.path("port_id").asText(null);
        return new FloatingIp(UUID.fromString(f.path("id").asText()), f.path("floating_ip_address").asText(),
                port == null || port.isEmpty() ? null : UUID.fromString(port));
    }
}
