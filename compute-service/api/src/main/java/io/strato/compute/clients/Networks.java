package io.strato.compute.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.Unavailable;
import io.strato.kit.web.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * network-service as compute-service uses it. Validation during a server create reads networks, ports and
 * security groups with the caller's token (what the user may not see does not exist: a 400). The saga
 * creates, binds and removes ports with the {@link ServiceToken}; its failures are {@link RemoteFailure}s
 * so the saga can tell a retry (unreachable, 5xx) from a final refusal (4xx).
 */
@ApplicationScoped
public class Networks {
    static final String SERVICE = "network-service";
    /** Nova's device owner for instance ports. */
    public static final String DEVICE_OWNER = "compute:nova";
    /** Neutron's {@code binding:vif_type} when no agent could bind the port on its host (its agent is down). */
    public static final String VIF_TYPE_BINDING_FAILED = "binding_failed";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final NeutronApi neutron;
    private final ServiceToken serviceToken;

    Networks(NeutronApi neutron, ServiceToken serviceToken) {
        this.neutron = neutron;
        this.serviceToken = serviceToken;
    }

    public record NetworkInfo(UUID id, String name, int mtu, String projectId, boolean shared, boolean external) {
    }

    public record FixedIp(String ipAddress, String subnetId) {
        public int version() {
            return ipAddress != null && ipAddress.contains(":") ? 6 : 4;
        }
    }

    /** A port as network-service answered it; {@code vifType} is its {@code binding:vif_type} ("" when absent). */
    /**
     * A port as the saga needs it; {@code bridgeName} is the Linux bridge its binding names
     * ({@code binding:vif_details.bridge_name}), where the host's agent must plug the tap, or null.
     */
    public record PortInfo(UUID id, UUID networkId, String macAddress, String deviceId, String deviceOwner,
                           String bindingHost, List<FixedIp> fixedIps, String vifType, String bridgeName) {
        /** network-service could not bind the port on its host: nothing there would wire the server's NIC. */
        public boolean bindingFailed() {
            return VIF_TYPE_BINDING_FAILED.equals(vifType);
        }
    }

    public record SecurityGroupRef(UUID id, String name) {
    }

    /** A port as os-interface shows it: with its {@code status}, which the saga's {@link PortInfo} leaves out. */
    public record InterfaceInfo(UUID portId, UUID networkId, String macAddress, String status, String deviceId,
                                List<FixedIp> fixedIps) {
    }

    /** What the saga asks for a new port. */
    public record PortRequest(UUID networkId, String projectId, UUID serverId, String host, String fixedIp,
                              List<UUID> securityGroups) {
    }

    // ---- validation, with the caller's token ------------------------------------------------------

    public Uni<NetworkInfo> network(UUID id, String token) {
        return asUser(() -> neutron.network(id.toString(), token), r -> {
            if (r.status() == 404) {
                throw new InvalidInput("Network " + id + " could not be found.");
            }
            return network(ok(r).body().path("network"));
        });
    }

    /** The networks a create without networks may use: the project's own, then shared ones (external ones excluded). */
    public Uni<List<NetworkInfo>> available(String projectId, String token) {
        Uni<List<NetworkInfo>> own = asUser(() -> neutron.networks(projectId, "False", token), r -> networks(ok(r).body()));
        Uni<List<NetworkInfo>> shared = asUser(() -> neutron.networks(null, "True", token), r -> networks(ok(r).body()));
        return Uni.combine().all().unis(own, shared).asTuple().map(t -> {
            Map<UUID, NetworkInfo> all = new LinkedHashMap<>();
            t.getItem1().forEach(n -> all.put(n.id(), n));
            t.getItem2().forEach(n -> all.putIfAbsent(n.id(), n));
            return all.values().stream().filter(n -> !n.external() || n.shared()).toList();
        });
    }

    public Uni<PortInfo> port(UUID id, String token) {
        return asUser(() -> neutron.port(id.toString(), token), r -> {
            if (r.status() == 404) {
                throw new InvalidInput("Port " + id + " could not be found.");
            }
            return port(ok(r).body().path("port"));
        });
    }

    /** A security group by id or by name within the project; 400 as Nova when there is none. */
    public Uni<SecurityGroupRef> securityGroup(String nameOrId, String projectId, String token) {
        UUID id = Ids.orNull(nameOrId);
        Uni<SecurityGroupRef> byId = id == null ? Uni.createFrom().nullItem()
                : asUser(() -> neutron.securityGroup(id.toString(), token),
                        r -> r.status() == 404 ? null : group(ok(r).body().path("security_group")));
        return byId.onItem().ifNull().switchTo(() -> asUser(() -> neutron.securityGroups(nameOrId, projectId, token), r -> {
            List<SecurityGroupRef> found = new ArrayList<>();
            ok(r).body().path("security_groups").forEach(g -> found.add(group(g)));
            if (found.isEmpty()) {
                throw new InvalidInput("Security group " + nameOrId + " not found for project " + projectId + ".");
            }
            if (found.size() > 1) {
                throw new InvalidInput("Multiple security groups named " + nameOrId
                        + " exist in project " + projectId + "; use the group's id.");
            }
            return found.get(0);
        }));
    }

    // ---- the saga, with compute-service's own token ------------------------------------------------

    public Uni<NetworkInfo> networkAsService(UUID id) {
        return asService(t -> neutron.network(id.toString(), t)).map(r -> network(r.body().path("network")));
    }

    /** Every port whose device is the server (ports the saga created or bound before a restart included). */
    public Uni<List<PortInfo>> portsOf(UUID serverId) {
        return portsOfDevice(serverId, Networks::port);
    }

    /** The ports whose device is the server, with their status (os-interface's list). */
    public Uni<List<InterfaceInfo>> interfacesOf(UUID serverId) {
        return portsOfDevice(serverId, Networks::iface);
    }

    /** One port with its status, or null when network-service has no such port. */
    public Uni<InterfaceInfo> interfaceOf(UUID portId) {
        return asService(t -> neutron.port(portId.toString(), t)).map(r -> iface(r.body().path("port")))
                .onFailure(e -> e instanceof RemoteFailure f && f.status() == 404).recoverWithNull();
    }

    public Uni<PortInfo> createPort(PortRequest req) {
        ObjectNode port = MAPPER.createObjectNode();
        port.put("network_id", req.networkId().toString());
        port.put("project_id", req.projectId());
        port.put("device_id", req.serverId().toString());
        port.put("device_owner", DEVICE_OWNER);
        port.put("binding:host_id", req.host());
        if (req.fixedIp() != null) {
            port.putArray("fixed_ips").addObject().put("ip_address", req.fixedIp());
        }
        if (req.securityGroups() != null && !req.securityGroups().isEmpty()) {
            req.securityGroups().forEach(g -> port.withArray("security_groups").add(g.toString()));
        }
        String body = wrap("port", port);
        return asService(t -> neutron.createPort(body, t)).map(r -> port(r.body().path("port")));
    }

    /** Makes a port the server's interface on {@code host} (a user's port, or the saga's own after a reschedule). */
    public Uni<PortInfo> bind(UUID portId, UUID serverId, String host) {
        ObjectNode port = MAPPER.createObjectNode();
        port.put("device_id", serverId.toString());
        port.put("device_owner", DEVICE_OWNER);
        port.put("binding:host_id", host);
        String body = wrap("port", port);
        return asService(t -> neutron.updatePort(portId.toString(), body, t)).map(r -> port(r.body().path("port")));
    }

    /** Gives a user's port back: no device, no binding. A port that is gone is fine. */
    public Uni<Void> unbind(UUID portId) {
        ObjectNode port = MAPPER.createObjectNode();
        port.put("device_id", "");
        port.put("device_owner", "");
        port.put("binding:host_id", "");
        String body = wrap("port", port);
        return asServiceAllowing404(t -> neutron.updatePort(portId.toString(), body, t));
    }

    /** Deletes a port the saga created. A port that is gone is fine. */
    public Uni<Void> delete(UUID portId) {
        return asServiceAllowing404(t -> neutron.deletePort(portId.toString(), t));
    }

    // ---- a server's security groups (addSecurityGroup / removeSecurityGroup) ------------------------

    /** A port's security: whether groups apply to it at all (port security on, an address), and its groups. */
    public record PortSecurity(UUID portId, boolean applicable, List<UUID> securityGroups) {
    }

    /**
     * The security groups with id {@code nameOrId}, else named so in the project, that the caller sees (Neutron's
     * find by name or id): empty when none, several when the name is not unique.
     */
    public Uni<List<SecurityGroupRef>> securityGroupsByNameOrId(String nameOrId, String projectId, String token) {
        UUID id = Ids.orNull(nameOrId);
        Uni<List<SecurityGroupRef>> byId = id == null ? Uni.createFrom().item(List.of())
                : asUser(() -> neutron.securityGroup(id.toString(), token),
                        r -> r.status() == 404 ? List.of() : List.of(group(ok(r).body().path("security_group"))));
        return byId.chain(found -> !found.isEmpty() ? Uni.createFrom().item(found)
                : asUser(() -> neutron.securityGroups(nameOrId, projectId, token), r -> {
                    List<SecurityGroupRef> named = new ArrayList<>();
                    ok(r).body().path("security_groups").forEach(g -> named.add(group(g)));
                    return named;
                }));
    }

    /** The security of every port whose device is the server. */
    public Uni<List<PortSecurity>> portSecurityOf(UUID serverId) {
        return portsOfDevice(serverId, p -> {
            List<UUID> groups = new ArrayList<>();
            p.path("security_groups").forEach(g -> groups.add(UUID.fromString(g.asText())));
            boolean applicable = p.path("port_security_enabled").asBoolean(true) && !p.path("fixed_ips").isEmpty();
            return new PortSecurity(UUID.fromString(p.path("id").asText()), applicable, groups);
        });
    }

    /** Every port whose device is the server, each read by {@code read}, with compute-service's own token. */
    private <T> Uni<List<T>> portsOfDevice(UUID serverId, Function<JsonNode, T> read) {
        return asService(t -> neutron.portsOfDevice(serverId.toString(), t)).map(r -> {
            List<T> found = new ArrayList<>();
            r.body().path("ports").forEach(p -> found.add(read.apply(p)));
            return found;
        });
    }

    /** Sets a port's security groups; network-service's refusal comes back as a {@link RemoteFailure}. */
    public Uni<Void> setSecurityGroups(UUID portId, List<UUID> groups) {
        ObjectNode port = MAPPER.createObjectNode();
        groups.forEach(g -> port.withArray("security_groups").add(g.toString()));
        if (groups.isEmpty()) {
            port.putArray("security_groups");
        }
        String body = wrap("port", port);
        return asService(t -> neutron.updatePort(portId.toString(), body, t)).replaceWithVoid();
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    private <T> Uni<T> asUser(Supplier<Uni<Response>> call, Function<Remote.Reply, T> read) {
        return Remote.call(SERVICE, call)
                .onFailure(RemoteFailure.class).transform(e -> new Unavailable(e.getMessage()))
                .map(read);
    }

    private Remote.Reply ok(Remote.Reply r) {
        if (!r.ok()) {
            throw new Unavailable(SERVICE + " answered HTTP " + r.status() + ": " + r.message());
        }
        return r;
    }

    private Uni<Remote.Reply> asService(Function<String, Uni<Response>> call) {
        return Remote.asService(SERVICE, serviceToken, call);
    }

    private Uni<Void> asServiceAllowing404(Function<String, Uni<Response>> call) {
        return asService(call).replaceWithVoid()
                .onFailure(e -> e instanceof RemoteFailure f && f.status() == 404).recoverWithNull();
    }

    private static String wrap(String key, ObjectNode inner) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set(key, inner);
        return root.toString();
    }

    static NetworkInfo network(JsonNode n) {
        return new NetworkInfo(UUID.fromString(n.path("id").asText()), n.path("name").asText(""),
                n.path("mtu").asInt(1500), n.path("project_id").asText(n.path("tenant_id").asText("")),
                n.path("shared").asBoolean(false), n.path("router:external").asBoolean(false));
    }

    private static List<NetworkInfo> networks(JsonNode body) {
        List<NetworkInfo> list = new ArrayList<>();
        body.path("networks").forEach(n -> list.add(network(n)));
        return list;
    }

    static InterfaceInfo iface(JsonNode p) {
        PortInfo port = port(p);
        return new InterfaceInfo(port.id(), port.networkId(), port.macAddress(), p.path("status").asText(""),
                port.deviceId(), port.fixedIps());
    }

    static PortInfo port(JsonNode p) {
        List<FixedIp> ips = new ArrayList<>();
        p.path("fixed_ips").forEach(ip -> ips.add(new FixedIp(ip.path("ip_address").asText(),
                ip.path("subnet_id").asText(null))));
        return new PortInfo(UUID.fromString(p.path("id").asText()), UUID.fromString(p.path("network_id").asText()),
                p.path("mac_address").asText(null), p.path("device_id").asText(""),
                p.path("device_owner").asText(""), p.path("binding:host_id").asText(""), ips,
                p.path("binding:vif_type").asText(""), p.path("binding:vif_details").path("bridge_name").asText(null));
    }

    private static SecurityGroupRef group(JsonNode g) {
        return new SecurityGroupRef(UUID.fromString(g.path("id").asText()), g.path("name").asText(""));
    }

    /** The networks the caller sees (Neutron's {@code networks} array), for Nova's os-networks proxy. */
    public Uni<JsonNode> visible(String token) {
        return Remote.forCaller(SERVICE, () -> neutron.networks(null, null, token)).map(b -> b.path("networks"));
    }

    /** A network the caller sees; a refusal is a {@link RemoteFailure} with Neutron's status. */
    public Uni<JsonNode> show(String id, String token) {
        return Remote.forCaller(SERVICE, () -> neutron.network(id, token)).map(b -> b.path("network"));
    }
}
