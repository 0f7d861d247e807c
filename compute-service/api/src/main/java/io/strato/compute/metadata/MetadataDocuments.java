package io.strato.compute.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The documents of the OpenStack metadata API (Nova's {@code /openstack/<version>/...}) and of its EC2-style tree
 * ({@code /latest/meta-data/...}) for one instance. Pure: the same instance gives the same bytes, which is what
 * a config drive needs too.
 */
public final class MetadataDocuments {

    /** The OpenStack versions served; every one answers with the latest content. */
    static final List<String> VERSIONS = List.of("2012-08-10", "2013-04-04", "2013-10-17", "2015-10-15",
            "2016-06-30", "2016-10-06", "2017-02-22", "2018-08-27", "latest");
    static final List<String> EC2_VERSIONS = List.of("1.0", "2007-01-19", "2009-04-04", "latest");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataDocuments() {
    }

    /** A document: its media type and bytes. */
    public record Document(String contentType, byte[] body) {
        static Document json(ObjectNode node) {
            return new Document("application/json", node.toString().getBytes(StandardCharsets.UTF_8));
        }

        static Document text(String text) {
            return new Document("text/plain", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The document at {@code path} (the request path, query dropped), or empty when there is none (404). */
    public static Optional<Document> at(InstanceData i, String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (p.equals("") || p.equals("/")) {
            return Optional.of(Document.text(String.join("\n", EC2_VERSIONS) + "\nopenstack"));
        }
        if (p.equals("/openstack")) {
            return Optional.of(Document.text(String.join("\n", VERSIONS)));
        }
        if (p.startsWith("/openstack/")) {
            String[] parts = p.substring("/openstack/".length()).split("/", 2);
            if (!VERSIONS.contains(parts[0])) {
                return Optional.empty();
            }
            String file = parts.length > 1 ? parts[1] : "";
            return switch (file) {
                case "" -> Optional.of(Document.text(String.join("\n", List.of("meta_data.json", "network_data.json",
                        "vendor_data.json", "vendor_data2.json")) + (i.userData() != null ? "\nuser_data" : "")));
                case "meta_data.json" -> Optional.of(Document.json(metaData(i)));
                case "network_data.json" -> Optional.of(Document.json(networkData(i)));
                case "vendor_data.json", "vendor_data2.json" -> Optional.of(Document.json(JSON.createObjectNode()));
                case "user_data" -> userData(i);
                default -> Optional.empty();
            };
        }
        String[] parts = p.substring(1).split("/", 2);
        if (!EC2_VERSIONS.contains(parts[0])) {
            return Optional.empty();
        }
        String rest = parts.length > 1 ? parts[1] : "";
        if (rest.isEmpty()) {
            return Optional.of(Document.text("meta-data\n" + (i.userData() != null ? "user-data" : "")));
        }
        if (rest.equals("user-data")) {
            return userData(i);
        }
        if (rest.equals("meta-data") || rest.startsWith("meta-data/")) {
            return ec2(i, rest.equals("meta-data") ? "" : rest.substring("meta-data/".length()));
        }
        return Optional.empty();
    }

    static ObjectNode metaData(InstanceData i) {
        ObjectNode m = JSON.createObjectNode();
        m.put("uuid", i.id().toString());
        m.put("name", i.name());
        m.put("hostname", i.hostname());
        m.put("launch_index", i.launchIndex());
        m.put("availability_zone", i.availabilityZone());
        m.put("project_id", i.projectId());
        ObjectNode meta = m.putObject("meta");
        if (i.metadata() != null) {
            i.metadata().forEach(meta::put);
        }
        if (i.keyData() != null && !i.keyData().isBlank()) {
            String name = i.keyName() == null ? "key" : i.keyName();
            m.putObject("public_keys").put(name, i.keyData());
            ArrayNode keys = m.putArray("keys");
            keys.addObject().put("name", name).put("type", "ssh").put("data", i.keyData());
        }
        m.putArray("devices");
        m.putArray("dedicated_cpus");
        return m;
    }

    /** Nova's network_data.json: a link per port, DHCP for its IPv4 (the network's dnsmasq answers), static IPv6. */
    static ObjectNode networkData(InstanceData i) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode links = n.putArray("links");
        ArrayNode networks = n.putArray("networks");
        int count = 0;
        for (InstanceData.Nic nic : i.nics()) {
            String link = "tap" + nic.portId().toString().substring(0, 11);
            ObjectNode l = links.addObject().put("id", link).put("vif_id", nic.portId().toString()).put("type", "bridge")
                    .put("ethernet_mac_address", nic.mac());
            if (nic.mtu() > 0) {
                l.put("mtu", nic.mtu());
            } else {
                l.putNull("mtu");
            }
            for (String ip : nic.ipv4()) {
                networks.addObject().put("id", "network" + count++).put("type", "ipv4_dhcp").put("link", link)
                        .put("network_id", nic.networkId().toString()).put("ip_address", ip);
            }
            for (String ip : nic.ipv6()) {
                networks.addObject().put("id", "network" + count++).put("type", "ipv6_dhcp").put("link", link)
                        .put("network_id", nic.networkId().toString()).put("ip_address", ip);
            }
        }
        n.putArray("services");
        return n;
    }

    private static Optional<Document> userData(InstanceData i) {
        if (i.userData() == null || i.userData().isEmpty()) {
            return Optional.empty();
        }
        // Nova keeps user_data base64-encoded, as the API received it, and serves it decoded
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(i.userData());
        } catch (IllegalArgumentException e) {
            raw = i.userData().getBytes(StandardCharsets.UTF_8);
        }
        return Optional.of(new Document("application/octet-stream", raw));
    }

    private static Optional<Document> ec2(InstanceData i, String key) {
        String ipv4 = i.nics().stream().flatMap(n -> n.ipv4().stream()).findFirst().orElse("");
        String keyName = i.keyName() == null ? "key" : i.keyName();
        boolean hasKey = i.keyData() != null && !i.keyData().isBlank();
        List<String> index = new ArrayList<>(List.of("ami-launch-index", "hostname", "instance-id", "instance-type",
                "local-hostname", "local-ipv4", "placement/", "reservation-id", "security-groups"));
        if (hasKey) {
            index.add("public-keys/");
        }
        return switch (key) {
            case "" -> Optional.of(Document.text(String.join("\n", index)));
            case "ami-launch-index" -> Optional.of(Document.text(Integer.toString(i.launchIndex())));
            case "hostname", "local-hostname" -> Optional.of(Document.text(i.hostname()));
            case "instance-id" -> Optional.of(Document.text(i.id().toString()));
            case "instance-type" -> Optional.of(Document.text(""));
            case "local-ipv4" -> Optional.of(Document.text(ipv4));
            case "placement" -> Optional.of(Document.text("availability-zone"));
            case "placement/availability-zone" -> Optional.of(Document.text(String.valueOf(i.availabilityZone())));
            case "reservation-id" -> Optional.of(Document.text("r-" + i.id().toString().substring(0, 8)));
            case "security-groups" -> Optional.of(Document.text("default"));
            case "public-keys" -> hasKey ? Optional.of(Document.text("0=" + keyName)) : Optional.empty();
            case "public-keys/0" -> hasKey ? Optional.of(Document.text("openssh-key")) : Optional.empty();
            case "public-keys/0/openssh-key" -> hasKey ? Optional.of(Document.text(i.keyData())) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
