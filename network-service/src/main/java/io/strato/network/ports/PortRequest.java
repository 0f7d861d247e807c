package io.strato.network.ports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.web.Ids;
import io.strato.network.api.Attributes;
import io.strato.network.api.Neutron;
import io.strato.network.ipam.Addresses;
import io.strato.network.networks.Network;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A port create or update body, validated for shape and values (addresses, MACs, pairs, vnic types). */
public record PortRequest(Optional<UUID> networkId, Optional<String> name, Optional<String> description,
                          Optional<Boolean> adminStateUp, Optional<String> macAddress,
                          Optional<List<FixedIpRequest>> fixedIps, Optional<String> deviceId, Optional<String> deviceOwner,
                          Optional<String> projectId, Optional<List<UUID>> securityGroups,
                          Optional<Boolean> portSecurityEnabled, Optional<List<Map<String, String>>> allowedAddressPairs,
                          Optional<String> hostId, Optional<String> vnicType, Optional<Map<String, Object>> profile,
                          Optional<List<String>> tags, Optional<List<ExtraDhcpOpts.Change>> extraDhcpOpts) {
    static final String HOST = "binding:host_id";
    static final String VNIC = "binding:vnic_type";
    static final String PROFILE = "binding:profile";
    static final int MAX_ADDRESS_PAIRS = 10;
    static final Set<String> VNIC_TYPES = Set.of("normal", "direct", "macvtap", "baremetal", "direct-physical",
            "virtio-forwarder", "smart-nic", "vdpa", "remote-managed");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> UPDATABLE = Set.of("name", "description", "admin_state_up", "mac_address",
            "fixed_ips", "device_id", "device_owner", "security_groups", "port_security_enabled",
            "allowed_address_pairs", HOST, VNIC, PROFILE, "extra_dhcp_opts");
    private static final Set<String> CREATABLE;

    static {
        java.util.HashSet<String> c = new java.util.HashSet<>(UPDATABLE);
        c.addAll(Set.of("network_id", "project_id", "tenant_id", "tags"));
        CREATABLE = Set.copyOf(c);
    }

    public static PortRequest create(JsonNode body) {
        Attributes a = Attributes.of(body, CREATABLE);
        if (!a.has("network_id") || a.raw("network_id").isNull()) {
            throw Neutron.invalid("network_id is required.");
        }
        Optional<String> project = a.string("project_id", 255);
        Optional<String> tenant = a.string("tenant_id", 255);
        if (project.isPresent() && tenant.isPresent() && !project.get().equals(tenant.get())) {
            throw Neutron.invalid("project_id and tenant_id do not match");
        }
        return of(a, a.uuid("network_id"), project.or(() -> tenant), a.strings("tags"));
    }

    public static PortRequest update(JsonNode body) {
        return of(Attributes.of(body, UPDATABLE), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Sets the plain attributes the request gives on {@code p}, and the binding and status that follow from them. */
    void applyTo(Port p, Network net) {
        name.ifPresent(x -> p.name = x);
        description.ifPresent(x -> p.description = x);
        adminStateUp.ifPresent(x -> p.adminStateUp = x);
        deviceId.ifPresent(x -> p.deviceId = x);
        deviceOwner.ifPresent(x -> p.deviceOwner = x);
        vnicType.ifPresent(x -> p.bindingVnicType = x);
        profile.ifPresent(x -> p.bindingProfile = x);
        tags.ifPresent(x -> p.tags = new ArrayList<>(x));
        // as Neutron's ExtraDhcpOptMixin: an empty list (or null) changes nothing on update
        extraDhcpOpts.filter(x -> !x.isEmpty()).ifPresent(x -> p.extraDhcpOpts = ExtraDhcpOpts.applied(p.extraDhcpOpts, x));
        hostId.ifPresent(host -> Binding.bind(p, net, host));
        Binding.refreshStatus(p);
    }

    private static PortRequest of(Attributes a, Optional<UUID> network, Optional<String> project, Optional<List<String>> tags) {
        Optional<String> vnic = a.string(VNIC, 32);
        vnic.ifPresent(v -> {
            if (!VNIC_TYPES.contains(v)) {
                throw Neutron.invalid("'" + v + "' is not in " + new java.util.TreeSet<>(VNIC_TYPES) + " for " + VNIC + ".");
            }
        });
        return new PortRequest(network, a.string("name", 255), a.string("description", 255), a.bool("admin_state_up"),
                a.string("mac_address", 32).map(PortRequest::mac), fixedIps(a.raw("fixed_ips")), a.string("device_id", 255),
                a.string("device_owner", 255), project, uuids(a, "security_groups"), a.bool("port_security_enabled"),
                pairs(a.raw("allowed_address_pairs")), a.string(HOST, 255), vnic, profile(a.raw(PROFILE)), tags,
                a.has(ExtraDhcpOpts.ATTRIBUTE) ? Optional.of(ExtraDhcpOpts.parse(a.raw(ExtraDhcpOpts.ATTRIBUTE)))
                        : Optional.empty());
    }

    private static String mac(String text) {
        var mac = Addresses.mac(text);
        if (mac == null || mac.isMulticast() || mac.isZero()) {
            throw Neutron.invalid("'" + text + "' is not a valid MAC address");
        }
        return mac.toColonDelimitedString().toLowerCase();
    }

    private static Optional<List<FixedIpRequest>> fixedIps(JsonNode v) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            throw Neutron.invalid("Invalid data format for fixed IP: '" + v + "' is not a list.");
        }
        List<FixedIpRequest> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isObject()) {
                throw Neutron.invalid("Invalid data format for fixed IP: '" + item + "'");
            }
            for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("subnet_id") && !key.equals("ip_address")) {
                    throw Neutron.invalid("Invalid data format for fixed IP: unexpected key '" + key + "'");
                }
            }
            UUID subnet = null;
            if (item.hasNonNull("subnet_id")) {
                String text = item.get("subnet_id").asText();
                subnet = Ids.parse(text).orElseThrow(() -> Neutron.invalid("'" + text + "' is not a valid UUID"));
            }
            String ip = item.hasNonNull("ip_address") ? item.get("ip_address").asText() : null;
            if (ip != null && Addresses.parse(ip) == null) {
                throw Neutron.invalid("'" + ip + "' is not a valid IP address");
            }
            if (subnet == null && ip == null) {
                throw Neutron.invalid("Invalid data format for fixed IP: it needs a subnet_id or an ip_address");
            }
            out.add(new FixedIpRequest(subnet, ip));
        }
        return Optional.of(out);
    }

    private static Optional<List<UUID>> uuids(Attributes a, String name) {
        return a.strings(name).map(list -> {
            List<UUID> out = new ArrayList<>();
            for (String s : list) {
                UUID id = Ids.parse(s).orElseThrow(() -> Neutron.invalid("'" + s + "' is not a valid UUID for " + name + "."));
                if (!out.contains(id)) {
                    out.add(id);
                }
            }
            return out;
        });
    }

    /** {@code [{"ip_address": ip or CIDR, "mac_address": optional}]}, Neutron's allowed-address-pairs checks. */
    private static Optional<List<Map<String, String>>> pairs(JsonNode v) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            throw Neutron.invalid("Allowed address pairs must be a list.");
        }
        if (v.size() > MAX_ADDRESS_PAIRS) {
            throw Neutron.badRequest("AllowedAddressPairExhausted",
                    "The number of allowed address pair exceeds the maximum " + MAX_ADDRESS_PAIRS + ".");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isObject() || !item.hasNonNull("ip_address")) {
                throw Neutron.badRequest("AllowedAddressPairsMissingIP", "AllowedAddressPair must contain ip_address");
            }
            for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("ip_address") && !key.equals("mac_address")) {
                    throw Neutron.invalid("Unrecognized attribute(s) '" + key + "' in allowed address pair.");
                }
            }
            String ipText = item.get("ip_address").asText();
            String ip;
            if (Addresses.parse(ipText) != null) {
                ip = Addresses.canonical(ipText);
            } else if (Addresses.parseCidr(ipText) != null) {
                ip = Addresses.cidr(Addresses.parseCidr(ipText)); // 10.100.0.0/16 stays so (not 10.100.*.*/16)
            } else {
                throw Neutron.invalid("'" + ipText + "' is not a valid IP address or CIDR.");
            }
            Map<String, String> pair = new LinkedHashMap<>();
            pair.put("ip_address", ip);
            if (item.hasNonNull("mac_address")) {
                pair.put("mac_address", mac(item.get("mac_address").asText()));
            }
            if (out.contains(pair)) {
                throw Neutron.badRequest("DuplicateAddressPairInRequest", "Request contains duplicate address pair: mac_address "
                        + pair.get("mac_address") + " ip_address " + ip + ".");
            }
            out.add(pair);
        }
        return Optional.of(out);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> profile(JsonNode v) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw Neutron.invalid("'" + v + "' is not a dictionary for " + PROFILE + ".");
        }
        return Optional.of(MAPPER.convertValue(v, Map.class));
    }
}
