package io.strato.network.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads network-service's JSON (API answers and event data, which share one shape) into the agent's records. */
public final class NeutronJson {

    private NeutronJson() {
    }

    public static NetworkInfo network(JsonNode n) {
        return new NetworkInfo(id(n, "id"), text(n, "provider:network_type", "local"),
                n.path("provider:segmentation_id").isNumber() ? n.get("provider:segmentation_id").asInt() : null,
                text(n, "provider:physical_network", null), n.path("mtu").asInt(1500),
                n.path("admin_state_up").asBoolean(true), n.path("revision_number").asLong(0));
    }

    public static SubnetInfo subnet(JsonNode s) {
        List<SubnetInfo.HostRoute> routes = new ArrayList<>();
        for (JsonNode r : s.path("host_routes")) {
            routes.add(new SubnetInfo.HostRoute(r.path("destination").asText(), r.path("nexthop").asText()));
        }
        return new SubnetInfo(id(s, "id"), id(s, "network_id"), s.path("ip_version").asInt(4),
                required(s, "cidr"), text(s, "gateway_ip", null), s.path("enable_dhcp").asBoolean(false),
                strings(s.path("dns_nameservers")), List.copyOf(routes), text(s, "ipv6_address_mode", null),
                text(s, "ipv6_ra_mode", null), s.path("revision_number").asLong(0));
    }

    public static PortInfo port(JsonNode p) {
        List<PortInfo.FixedIp> ips = new ArrayList<>();
        for (JsonNode ip : p.path("fixed_ips")) {
            ips.add(new PortInfo.FixedIp(id(ip, "subnet_id"), required(ip, "ip_address")));
        }
        String mac = required(p, "mac_address");
        List<PortInfo.AddressPair> pairs = new ArrayList<>();
        for (JsonNode pair : p.path("allowed_address_pairs")) {
            pairs.add(new PortInfo.AddressPair(required(pair, "ip_address"), text(pair, "mac_address", mac)));
        }
        List<UUID> groups = new ArrayList<>();
        for (JsonNode g : p.path("security_groups")) {
            groups.add(uuid(g.asText(), "security_groups"));
        }
        List<PortInfo.DhcpOption> options = new ArrayList<>();
        for (JsonNode o : p.path("extra_dhcp_opts")) {
            int version = o.path("ip_version").asInt(4);
            if (o.path("opt_name").isTextual() && o.path("opt_value").isTextual() && (version == 4 || version == 6)) {
                options.add(new PortInfo.DhcpOption(o.get("opt_name").asText(), o.get("opt_value").asText(), version));
            }
        }
        return new PortInfo(id(p, "id"), id(p, "network_id"), mac, List.copyOf(ips), List.copyOf(groups),
                List.copyOf(pairs), p.path("port_security_enabled").asBoolean(true), text(p, "binding:host_id", ""),
                text(p.path("binding:vif_details"), "bridge_name", null), text(p, "device_owner", ""),
                text(p, "device_id", ""), p.path("admin_state_up").asBoolean(true), text(p, "dns_name", null),
                text(p, "project_id", text(p, "tenant_id", null)), text(p, "status", "DOWN"),
                p.path("revision_number").asLong(0), List.copyOf(options));
    }

    public static SecurityGroupInfo securityGroup(JsonNode g) {
        return new SecurityGroupInfo(id(g, "id"), g.path("stateful").asBoolean(true), g.path("revision_number").asLong(0));
    }

    /** The rules listed inside a security group's JSON. */
    public static List<RuleInfo> rulesOf(JsonNode g) {
        List<RuleInfo> rules = new ArrayList<>();
        for (JsonNode r : g.path("security_group_rules")) {
            rules.add(rule(r));
        }
        return rules;
    }

    public static RuleInfo rule(JsonNode r) {
        return new RuleInfo(id(r, "id"), id(r, "security_group_id"), required(r, "direction"),
                text(r, "ethertype", "IPv4"), text(r, "protocol", null), integer(r, "port_range_min"),
                integer(r, "port_range_max"), text(r, "remote_ip_prefix", null),
                r.path("remote_group_id").isTextual() ? uuid(r.get("remote_group_id").asText(), "remote_group_id") : null);
    }

    public static RouterInfo router(JsonNode r) {
        JsonNode gateway = r.path("external_gateway_info");
        List<RouterInfo.Route> routes = new ArrayList<>();
        for (JsonNode route : r.path("routes")) {
            routes.add(new RouterInfo.Route(required(route, "destination"), required(route, "nexthop")));
        }
        return new RouterInfo(id(r, "id"), r.path("admin_state_up").asBoolean(true),
                gateway.isObject() && gateway.path("enable_snat").asBoolean(true), List.copyOf(routes),
                r.path("revision_number").asLong(0));
    }

    public static FloatingIpInfo floatingIp(JsonNode f) {
        return new FloatingIpInfo(id(f, "id"), required(f, "floating_ip_address"), optionalId(f, "router_id"),
                optionalId(f, "port_id"), text(f, "fixed_ip_address", null), f.path("revision_number").asLong(0));
    }

    /** The resource's {@code id}, for events that carry little else (a deleted network's subnets). */
    public static UUID id(JsonNode n) {
        return id(n, "id");
    }

    private static UUID optionalId(JsonNode n, String field) {
        String v = text(n, field, null);
        return v == null ? null : uuid(v, field);
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asInt() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            out.add(v.asText());
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? v.asText() : fallback;
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new MalformedResource("no " + field);
        }
        return v.asText();
    }

    private static UUID id(JsonNode n, String field) {
        return uuid(required(n, field), field);
    }

    private static UUID uuid(String s, String field) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedResource(field + " is not a UUID: " + s);
        }
    }
}
