package io.strato.network.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.networks.Network;
import io.strato.network.networks.NetworkView;
import io.strato.network.ports.FixedIp;
import io.strato.network.ports.Port;
import io.strato.network.ports.PortView;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The data of port and network events, and the API's answers, as the application's ObjectMapper
 * writes the views: the keys host agents read (an admin's view), nulls kept, admin-only keys absent
 * from a member's view.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class EventDataShapeTest {
    private static final List<String> STANDARD = List.of("project_id", "tenant_id", "description", "tags", "created_at",
            "updated_at", "revision_number");

    @Inject
    ObjectMapper mapper;

    @Test
    void aPortEventCarriesTheBindingAndEveryAddressAttribute() {
        Port p = new Port();
        p.id = UUID.randomUUID();
        p.projectId = "p1";
        p.networkId = UUID.randomUUID();
        p.macAddress = "fa:16:3e:00:00:01";
        p.bindingHostId = null;
        p.bindingVifDetails = Map.of("port_filter", true);
        p.createdAt = Instant.parse("2026-12-01T10:00:00.123456Z");
        p.allowAddressPairs(List.of(Map.of("ip_address", "10.0.0.0/24")));
        UUID subnet = UUID.randomUUID();
        UUID group = UUID.randomUUID();

        JsonNode admin = mapper.valueToTree(PortView.of(p, List.of(new FixedIp(subnet, "10.0.0.5")), List.of(group), true));
        List<String> common = new ArrayList<>(List.of("id", "name", "network_id", "admin_state_up", "mac_address",
                "fixed_ips", "device_id", "device_owner", "status", "port_security_enabled", "security_groups",
                "allowed_address_pairs", "extra_dhcp_opts", "dns_name", "binding:vnic_type"));
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of("binding:host_id", "binding:vif_type", "binding:vif_details", "binding:profile"));
        all.addAll(STANDARD);
        assertEquals(all, keys(admin));
        assertTrue(admin.get("binding:host_id").isNull(), "an unbound port's host is a null, not a missing key");
        assertEquals(true, admin.at("/binding:vif_details/port_filter").asBoolean());
        assertEquals("10.0.0.5", admin.at("/fixed_ips/0/ip_address").asText());
        assertEquals(subnet.toString(), admin.at("/fixed_ips/0/subnet_id").asText());
        assertEquals(group.toString(), admin.at("/security_groups/0").asText());
        assertEquals("fa:16:3e:00:00:01", admin.at("/allowed_address_pairs/0/mac_address").asText());
        assertEquals("2026-12-01T10:00:00Z", admin.get("created_at").asText());
        assertTrue(admin.get("updated_at").isNull());
        assertEquals(0, admin.get("revision_number").asInt());

        JsonNode member = mapper.valueToTree(PortView.of(p, List.of(), List.of(), false));
        List<String> memberKeys = new ArrayList<>(common);
        memberKeys.addAll(STANDARD);
        assertEquals(memberKeys, keys(member));
    }

    @Test
    void aNetworkEventCarriesTheSegment() {
        Network n = new Network();
        n.id = UUID.randomUUID();
        n.projectId = "p1";
        n.mtu = 1450;
        n.networkType = "vxlan";
        n.segmentationId = 1042;
        List<String> common = List.of("id", "name", "admin_state_up", "status", "subnets", "shared", "router:external",
                "mtu", "port_security_enabled", "availability_zone_hints", "availability_zones", "ipv4_address_scope",
                "ipv6_address_scope", "l2_adjacency");

        JsonNode admin = mapper.valueToTree(NetworkView.of(n, List.of(), true));
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of("provider:network_type", "provider:physical_network", "provider:segmentation_id"));
        all.addAll(STANDARD);
        assertEquals(all, keys(admin));
        assertEquals("vxlan", admin.get("provider:network_type").asText());
        assertEquals(1042, admin.get("provider:segmentation_id").asInt());
        assertTrue(admin.get("provider:physical_network").isNull());
        assertTrue(admin.get("ipv4_address_scope").isNull());

        List<String> member = new ArrayList<>(common);
        member.addAll(STANDARD);
        assertEquals(member, keys(mapper.valueToTree(NetworkView.of(n, List.of(), false))));
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
