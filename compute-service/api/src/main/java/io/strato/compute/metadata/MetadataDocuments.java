package io.strato.compute.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** The first version of each file, as Nova dates them (Havana, Liberty, Newton); the others are in every one. */
    private static final Map<String, String> SINCE = Map.of("vendor_data.json", "2013-10-17",
            "network_data.json", "2015-10-15", "vendor_data2.json", "2016-10-06");

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
            if (file.isEmpty()) {
                return Optional.of(Document.text(String.join("\n", files(i, parts[0]))));
            }
            if (!files(i, parts[0]).contains(file)) {
                return Optional.empty();
            }
            return switch (file) {
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

    /** The files of OpenStack version {@code version} (a known one) for this instance, in the order its index lists them. */
    public static List<String> files(InstanceData i, String version) {
        List<String> files = new ArrayList<>();
        for (String f : List.of("meta_data.json", "network_data.json", "vendor_data.json", "vendor_data2.json")) {
            String since = SINCE.get(f);
            if (since == null || VERSIONS.indexOf(version) >= VERSIONS.indexOf(since)) {
                files.add(f);
            }
        }
        if (i.userData() != null && !i.userData().isEmpty()) {
            files.add("user_data");
        }
        return files;
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

    /**
     * The EC2 {@code meta-data} tree: a value is a leaf, a map a directory (listed with a trailing {@code /}).
     * The metadata API serves it path by path, a config drive as one {@code meta-data.json}.
     */
    static Map<String, Object> ec2MetaData(InstanceData i) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("ami-launch-index", i.launchIndex());
        tree.put("hostname", i.hostname());
        tree.put("instance-id", i.id().toString());
        tree.put("instance-type", "");
        tree.put("local-hostname", i.hostname());
        tree.put("local-ipv4", i.nics().stream().flatMap(n -> n.ipv4().stream()).findFirst().orElse(""));
        tree.put("placement", Map.of("availability-zone", String.valueOf(i.availabilityZone())));
        tree.put("reservation-id", "r-" + i.id().toString().substring(0, 8));
        tree.put("security-groups", "default");
        if (i.keyData() != null && !i.keyData().isBlank()) {
            tree.put("public-keys", Map.of("0", Map.of("openssh-key", i.keyData())));
        }
        return tree;
    }

    /** The EC2 {@code meta-data} tree as JSON: a config drive's {@code ec2/<version>/meta-data.json}, as Nova writes it. */
    public static byte[] ec2MetaDataJson(InstanceData i) {
        return JSON.valueToTree(ec2MetaData(i)).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<Document> ec2(InstanceData i, String key) {
        Map<String, Object> tree = ec2MetaData(i);
        if (key.equals("public-keys") && tree.containsKey("public-keys")) {
            // EC2 lists keys as index=name
            return Optional.of(Document.text("0=" + (i.keyName() == null ? "key" : i.keyName())));
        }
        Object node = tree;
        for (String part : key.isEmpty() ? new String[0] : key.split("/")) {
            node = node instanceof Map<?, ?> dir ? dir.get(part) : null;
            if (node == null) {
                return Optional.empty();
            }
        }
        if (node instanceof Map<?, ?> dir) {
            List<String> index = new ArrayList<>();
            dir.forEach((name, value) -> index.add(name + (value instanceof Map ? "/" : "")));
            return Optional.of(Document.text(String.join("\n", index)));
        }
        return Optional.of(Document.text(String.valueOf(node)));
    }
}
