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
 * network-service's floating IPs as Nova's addFloatingIp/removeFloatingIp and its os-floating-ips proxy use them,
 * with the caller's token (a user sees, associates and releases the floating IPs Neutron lets them). The proxy's
 * calls answer Neutron's JSON, or fail with a {@link RemoteFailure} carrying Neutron's status and message.
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

    /** The project's floating IPs (Neutron's {@code floatingips} array). */
    public Uni<JsonNode> ofProject(String projectId, String token) {
        return Remote.forCaller(Networks.SERVICE, () -> neutron.floatingIpsOfProject(projectId, token))
                .map(b -> b.path("floatingips"));
    }

    public Uni<JsonNode> show(String id, String token) {
        return Remote.forCaller(Networks.SERVICE, () -> neutron.floatingIp(id, token)).map(b -> b.path("floatingip"));
    }

    /** Allocates a floating IP on the external network {@code networkId}. */
    public Uni<JsonNode> allocate(String networkId, String token) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("floatingip").put("floating_network_id", networkId);
        String body = root.toString();
        return Remote.forCaller(Networks.SERVICE, () -> neutron.createFloatingIp(body, token)).map(b -> b.path("floatingip"));
    }

    public Uni<Void> release(String id, String token) {
        return Remote.forCaller(Networks.SERVICE, () -> neutron.deleteFloatingIp(id, token)).replaceWithVoid();
    }

    /** The external networks (floating IP pools) the caller sees; with {@code name}, those so named. */
    public Uni<JsonNode> pools(String name, String token) {
        return Remote.forCaller(Networks.SERVICE, () -> neutron.externalNetworks("true", name, token))
                .map(b -> b.path("networks"));
    }

    private static FloatingIp floatingIp(JsonNode f) {
        String port = f.path("port_id").asText(null);
        return new FloatingIp(UUID.fromString(f.path("id").asText()), f.path("floating_ip_address").asText(),
                port == null || port.isEmpty() ? null : UUID.fromString(port));
    }
}
