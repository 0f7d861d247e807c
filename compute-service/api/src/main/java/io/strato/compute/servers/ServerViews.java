package io.strato.compute.servers;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Servers in Nova's JSON (nova/api/openstack/compute/views/servers.py), at the request's microversion. */
@ApplicationScoped
public class ServerViews {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter USAGE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final List<String> PROGRESS = List.of("ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING");

    private final String publicUrl;

    ServerViews(@ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute") String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** How much the caller sees. {@code admin}: the extended server attributes and fault details. */
    public record Audience(boolean admin) {
    }

    public List<Map<String, Object>> links(String collection, String id) {
        return List.of(
                Map.of("rel", "self", "href", publicUrl + "/v2.1/" + collection + "/" + id),
                Map.of("rel", "bookmark", "href", publicUrl + "/" + collection + "/" + id));
    }

    /** The public URL of the compute API the clients use (behind the gateway), without a trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    public String selfLink(String collection, String id) {
        return publicUrl + "/v2.1/" + collection + "/" + id;
    }

    /** Nova's volumes_attached: the volume ids, with delete_on_termination from 2.3 (never set: attached volumes stay). */
    static List<Map<String, Object>> volumesAttached(List<java.util.UUID> volumes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (java.util.UUID id : volumes) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", id.toString());
            out.add(v);
        }
        return out;
    }

    /** The list entry of {@code GET /servers}. */
    public Map<String, Object> brief(Server s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id.toString());
        v.put("name", s.name);
        v.put("links", links("servers", s.id.toString()));
        return v;
    }

    /** The 202 answer of a create. */
    public Map<String, Object> created(Server s, String adminPass) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id.toString());
        v.put("links", links("servers", s.id.toString()));
        v.put("OS-DCF:diskConfig", s.diskConfig);
        v.put("security_groups", securityGroups(s));
        if (adminPass != null) {
            v.put("adminPass", adminPass);
        }
        return v;
    }

    /**
     * The full server of show, detail, update. {@code volumes}: the ids of its attached volumes.
     * {@code hypervisorHostname} is only read for admins.
     */
    public Map<String, Object> full(Server s, List<ServerPort> ports, List<java.util.UUID> volumes, Audience who,
                                    String hypervisorHostname) {
        Map<String, Object> v = new LinkedHashMap<>();
        String status = ServerStatus.of(s.vmState, s.taskState);
        v.put("id", s.id.toString());
        v.put("name", s.name);
        v.put("status", status);
        v.put("tenant_id", s.projectId);
        v.put("user_id", s.userId);
        v.put("metadata", s.metadata == null ? Map.of() : s.metadata);
        v.put("hostId", hostId(s.projectId, s.host));
        v.put("image", s.imageId == null ? "" : Map.of("id", s.imageId.toString(),
                "links", List.of(Map.of("rel", "bookmark", "href", publicUrl + "/images/" + s.imageId))));
        v.put("flavor", flavor(s));
        v.put("created", ISO.format(s.createdAt));
        v.put("updated", ISO.format(s.updatedAt));
        v.put("addresses", addresses(ports));
        v.put("accessIPv4", s.accessIpv4 == null ? "" : s.accessIpv4);
        v.put("accessIPv6", s.accessIpv6 == null ? "" : s.accessIpv6);
        v.put("links", links("servers", s.id.toString()));
        v.put("OS-DCF:diskConfig", s.diskConfig);
        if (PROGRESS.contains(status)) {
            v.put("progress", s.progress);
        }
        if (("ERROR".equals(status) || "DELETED".equals(status)) && s.fault != null) {
            v.put("fault", fault(s.fault, who.admin()));
        }
        v.put("OS-EXT-AZ:availability_zone", s.availabilityZone != null ? s.availabilityZone
                : s.requestedAz != null ? s.requestedAz : "");
        v.put("config_drive", s.configDrive);
        v.put("key_name", s.keyName);
        v.put("OS-SRV-USG:launched_at", s.launchedAt == null ? null : USAGE.format(s.launchedAt));
        v.put("OS-SRV-USG:terminated_at", null);
        v.put("security_groups", securityGroups(s));
        if (who.admin()) {
            v.put("OS-EXT-SRV-ATTR:host", s.host);
            v.put("OS-EXT-SRV-ATTR:instance_name", instanceName(s));
            v.put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host == null ? null
                    : hypervisorHostname != null ? hypervisorHostname : s.host);
        }
        v.put("OS-EXT-STS:task_state", s.taskState);
        v.put("OS-EXT-STS:vm_state", s.vmState);
        v.put("OS-EXT-STS:power_state", s.powerState);
        v.put("os-extended-volumes:volumes_attached", volumesAttached(volumes));
        return v;
    }

    /** The libvirt domain name Strato's agents give a server. */
    public static String instanceName(Server s) {
        return "instance-" + s.id;
    }

    /** Nova's hostId: sha224 of project id and host, so a project can tell its servers apart by host without seeing it. */
    static String hostId(String projectId, String host) {
        if (host == null || host.isEmpty()) {
            return "";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-224");
            return HexFormat.of().formatHex(sha.digest((projectId + host).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The flavor's id and bookmark link (Nova embeds the flavor itself from 2.47). */
    private Object flavor(Server s) {
        return Map.of("id", s.flavorId, "links",
                List.of(Map.of("rel", "bookmark", "href", publicUrl + "/flavors/" + s.flavorId)));
    }

    static Map<String, Object> addresses(List<ServerPort> ports) {
        Map<String, Object> out = new TreeMap<>();
        for (ServerPort p : ports) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) out.computeIfAbsent(p.networkName, k -> new ArrayList<>());
            for (ServerPort.Address a : p.fixedIps) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("version", a.version());
                e.put("addr", a.ipAddress());
                e.put("OS-EXT-IPS:type", "fixed");
                e.put("OS-EXT-IPS-MAC:mac_addr", p.macAddress);
                list.add(e);
            }
        }
        return out;
    }

    private static List<Map<String, Object>> securityGroups(Server s) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        s.securityGroups.forEach(g -> names.add(g.name()));
        return names.stream().map(n -> Map.<String, Object>of("name", n)).toList();
    }

    private static Map<String, Object> fault(Server.Fault f, boolean admin) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", f.code());
        v.put("created", f.created() == null ? null : ISO.format(Instant.parse(f.created())));
        v.put("message", f.message());
        if (f.details() != null && (admin || f.code() != 500)) {
            v.put("details", f.details());
        }
        return v;
    }
}
