package io.strato.compute.networks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.Gone;
import io.strato.compute.api.ProxyAccess;
import io.strato.compute.clients.Networks;
import io.strato.compute.clients.Refusals;
import io.strato.compute.clients.RemoteFailure;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nova's os-networks proxy (up to 2.35; 404 from 2.36) as Nova answers it with Neutron: the networks the caller
 * sees, each with its {@code id} and {@code label} (the name) and every nova-network field null (admins see the
 * admin fields, null too); show 404 {@code Network not found}. nova-network's create, add, delete and disassociate
 * were removed from Nova (21.0.0): 410 at every version.
 */
@Path("/v2.1/os-networks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {
    private static final List<String> FIELDS = List.of("id", "cidr", "netmask", "gateway", "broadcast", "dns1", "dns2",
            "cidr_v6", "gateway_v6", "label", "netmask_v6");
    private static final List<String> ADMIN_FIELDS = List.of("created_at", "updated_at", "deleted_at", "deleted",
            "injected", "bridge", "vlan", "vpn_public_address", "vpn_public_port", "vpn_private_address", "dhcp_start",
            "project_id", "host", "bridge_interface", "multi_host", "priority", "rxtx_base", "mtu", "dhcp_server",
            "enable_dhcp", "share_address");

    private final Networks networks;
    private final ProxyAccess access;
    private final Policy policy;

    public NetworkResource(Networks networks, ProxyAccess access, Policy policy) {
        this.networks = networks;
        this.access = access;
        this.policy = policy;
    }

    @GET
    public Uni<Map<String, Object>> index(@HeaderParam("X-Auth-Token") String token) {
        Caller caller = access.allowed(NetworkPolicies.LIST);
        boolean admin = NovaBaseRules.isAdmin(policy, caller);
        return networks.visible(token).onFailure(RemoteFailure.class).transform(Refusals.nova(f -> null)).map(list -> {
            List<Map<String, Object>> out = new ArrayList<>();
            list.forEach(n -> out.add(view(n, admin)));
            return Map.of("networks", out);
        });
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> show(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        Caller caller = access.allowed(NetworkPolicies.SHOW);
        boolean admin = NovaBaseRules.isAdmin(policy, caller);
        return networks.show(id, token).onFailure(RemoteFailure.class)
                .transform(Refusals.nova(f -> f.status() == 404 ? new NotFound("Network not found") : null))
                .map(n -> Map.of("network", view(n, admin)));
    }

    @POST
    public void create() {
        throw new Gone();
    }

    @POST
    @Path("add")
    public void add() {
        throw new Gone();
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id) {
        throw new Gone();
    }

    @POST
    @Path("{id}/action")
    public void disassociate(@PathParam("id") String id) {
        throw new Gone();
    }

    /** Nova's network_dict of a Neutron network: id and label, the nova-network fields null. */
    private static Map<String, Object> view(JsonNode n, boolean admin) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String field : FIELDS) {
            v.put(field, switch (field) {
                case "id" -> n.path("id").asText();
                case "label" -> n.path("name").asText("");
                default -> null;
            });
        }
        if (admin) {
            ADMIN_FIELDS.forEach(f -> v.put(f, null));
        }
        return v;
    }
}
