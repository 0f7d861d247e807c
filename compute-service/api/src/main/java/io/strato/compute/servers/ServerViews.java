package io.strato.compute.servers;

import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.Link;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.compute.api.Microversion;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Servers in Nova's JSON (nova/api/openstack/compute/views/servers.py), at the request's microversion. */
@ApplicationScoped
public class ServerViews {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter USAGE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final List<String> PROGRESS = List.of("ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING");

    private final String publicUrl;
    private final Policy policy;
    private final ApiVersion version;

    ServerViews(@ConfigProperty(name = "strato.compute.public-url", defaultValue = "http://127.0.0.1:8080/compute") String publicUrl,
                Policy policy, ApiVersion version) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.policy = policy;
        this.version = version;
    }

    /**
     * How much the caller sees, at which microversion. {@code admin}: the extended server attributes and fault
     * details; {@code hostStatus}: the host_status of 2.16 ({@link #ALL}, {@link #UNKNOWN_ONLY} or null: not shown).
     */
    public record Audience(boolean admin, String hostStatus, Microversion version, boolean flavorExtraSpecs,
                           boolean single) {
        public Audience(boolean admin, String hostStatus, Microversion version) {
            this(admin, hostStatus, version, true, false);
        }

        /**
         * The same caller looking at one server (show, update, rebuild), where Nova adds keys a list leaves out
         * ({@code server_groups} from 2.71).
         */
        public Audience one() {
            return new Audience(admin, hostStatus, version, flavorExtraSpecs, true);
        }
    }

    static final String ALL = "all";
    static final String UNKNOWN_ONLY = "unknown-only";

    /** The audience of this request's caller, by the rules (Nova's, target the caller's project). */
    public Audience audience(Caller caller) {
        Map<String, Object> target = ServerPolicies.target(caller.projectId(), null);
        String hostStatus = policy.allowed(ServerPolicies.HOST_STATUS, caller, target) ? ALL
                : policy.allowed(ServerPolicies.HOST_STATUS_UNKNOWN_ONLY, caller, target) ? UNKNOWN_ONLY : null;
        return new Audience(policy.allowed(ServerPolicies.EXTENDED_ATTRIBUTES, caller, target), hostStatus, version.get(),
                policy.allowed(ServerPolicies.FLAVOR_EXTRA_SPECS, caller, target), false);
    }

    public List<Link> links(String collection, String id) {
        return List.of(Link.self(publicUrl + "/v2.1/" + collection + "/" + id),
                Link.bookmark(publicUrl + "/" + collection + "/" + id));
    }

    /** The public URL of the compute API the clients use (behind the gateway), without a trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    public String selfLink(String collection, String id) {
        return publicUrl + "/v2.1/" + collection + "/" + id;
    }

    /**
     * Nova's volumes_attached: the volume ids, with delete_on_termination from 2.3 (false: Strato never deletes an
     * attached volume with its server).
     */
    static List<ServerView.AttachedVolume> volumesAttached(List<java.util.UUID> volumes, Microversion version) {
        Boolean deleteOnTermination = version.atLeast(3) ? false : null;
        return volumes.stream().map(id -> new ServerView.AttachedVolume(id.toString(), deleteOnTermination)).toList();
    }

    /** The list entry of {@code GET /servers}. */
    public ServerView.Brief brief(Server s) {
        return new ServerView.Brief(s.id.toString(), s.name, links("servers", s.id.toString()));
    }

    /** The 202 answer of a create. */
    public ServerView.Created created(Server s, String adminPass) {
        return new ServerView.Created(s.id.toString(), links("servers", s.id.toString()), s.diskConfig,
                securityGroups(s), adminPass);
    }

    /**
     * The full server of show, detail, update. {@code volumes}: the ids of its attached volumes. {@code node}, its
     * host as admins see it, may be null.
     */
    public ServerView full(Server s, List<ServerPort> ports, List<java.util.UUID> volumes, List<String> tags,
                           Audience who, ServerQueries.Node node) {
        String status = ServerStatus.of(s.vmState, s.taskState);
        Object image = s.imageId == null ? "" : new ServerView.ImageRef(s.imageId.toString(),
                List.of(Link.bookmark(publicUrl + "/images/" + s.imageId)));
        ServerView.Extended extended = !who.admin() ? null : new ServerView.Extended(s.host, instanceName(s),
                s.host == null ? null : node != null && node.hypervisorHostname() != null ? node.hypervisorHostname() : s.host,
                who.version().atLeast(3) ? ec2(s) : null);
        return new ServerView(
                s.id.toString(),
                s.name,
                status,
                s.projectId,
                s.userId,
                s.metadata == null ? Map.of() : s.metadata,
                hostId(s.projectId, s.host),
                image,
                flavor(s, who),
                ISO.format(s.createdAt),
                ISO.format(s.updatedAt),
                addresses(ports),
                s.accessIpv4 == null ? "" : s.accessIpv4,
                s.accessIpv6 == null ? "" : s.accessIpv6,
                links("servers", s.id.toString()),
                s.diskConfig,
                PROGRESS.contains(status) ? s.progress : null,
                ("ERROR".equals(status) || "DELETED".equals(status)) && s.fault != null ? fault(s.fault, who.admin()) : null,
                s.availabilityZone != null ? s.availabilityZone : s.requestedAz != null ? s.requestedAz : "",
                s.configDrive,
                s.keyName,
                s.launchedAt == null ? null : USAGE.format(s.launchedAt),
                null,
                securityGroups(s),
                extended,
                s.taskState,
                s.vmState,
                s.powerState,
                volumesAttached(volumes, who.version()),
                since(s, tags, who, node, true));
    }

    /** The keys of later microversions; {@code detailed} is false for update and rebuild below 2.75. */
    private static ServerView.Since since(Server s, List<String> tags, Audience who, ServerQueries.Node node,
                                          boolean detailed) {
        Microversion v = who.version();
        String hostStatus = null;
        if (detailed && v.atLeast(16) && who.hostStatus() != null) {
            String status = s.host == null ? "" : node == null ? "UNKNOWN" : node.status();
            hostStatus = ALL.equals(who.hostStatus()) || "UNKNOWN".equals(status) ? status : null;
        }
        return new ServerView.Since(
                v.atLeast(9) ? s.locked : null,
                hostStatus,
                v.atLeast(19) ? Optional.ofNullable(s.description) : null,
                v.atLeast(26) ? tags : null,
                v.atLeast(63) ? Optional.empty() : null, // Strato takes no trusted certificates (CreateRequest)
                v.atLeast(71) && who.single() ? (s.serverGroupId == null ? List.of() : List.of(s.serverGroupId.toString())) : null,
                v.atLeast(73) ? Optional.ofNullable(s.lockedReason) : null,
                // 2.90: everyone sees the host name (admins already have it among the extended attributes)
                v.atLeast(90) && !(who.admin() && detailed) ? s.hostname() : null,
                // 2.96: the zone the create asked for (Nova's RequestSpec.availability_zone), null when it asked none
                v.atLeast(96) ? Optional.ofNullable(pinnedZone(s.requestedAz)) : null);
    }

    /** The zone part of a create's {@code zone[:host[:node]]}; null for none. */
    static String pinnedZone(String requested) {
        if (requested == null) {
            return null;
        }
        String zone = requested.split(":", 2)[0];
        return zone.isBlank() ? null : zone;
    }

    /** The extended attributes of 2.3; kernel and ramdisk are the image's, the root device the agent's (vda). */
    private static ServerView.Ec2 ec2(Server s) {
        Map<String, String> props = s.imageMeta == null || s.imageMeta.properties() == null ? Map.of() : s.imageMeta.properties();
        return new ServerView.Ec2(s.reservationId, s.launchIndex, s.hostname(),
                props.getOrDefault("kernel_id", ""), props.getOrDefault("ramdisk_id", ""),
                s.launchedAt == null ? null : "/dev/vda", s.userData);
    }

    /** The server as update and rebuild answer it (Nova's show with every extension off). */
    public ServerBasicView basic(Server s, List<ServerPort> ports, List<String> tags, Audience who) {
        ServerView f = full(s, ports, List.of(), tags, who, null);
        return new ServerBasicView(f.id(), f.name(), f.status(), f.tenantId(), f.userId(), f.metadata(), f.hostId(),
                f.image(), f.flavor(), f.created(), f.updated(), plainAddresses(ports), f.accessIpv4(), f.accessIpv6(),
                f.links(), f.diskConfig(), f.progress(), f.fault(), null, null, null, since(s, tags, who, null, false));
    }

    /** By network name (sorted), each port's fixed addresses as version and address (os-ips, the basic view). */
    static Map<String, List<ServerBasicView.Address>> plainAddresses(List<ServerPort> ports) {
        Map<String, List<ServerBasicView.Address>> out = new TreeMap<>();
        addresses(ports).forEach((net, list) -> out.put(net,
                list.stream().map(a -> new ServerBasicView.Address(a.version(), a.addr())).toList()));
        return out;
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

    /** The flavor's id and bookmark link; from 2.47 the flavor itself, as the server has it. */
    private Object flavor(Server s, Audience who) {
        if (!who.version().atLeast(47)) {
            return new ServerView.FlavorRef(s.flavorId, List.of(Link.bookmark(publicUrl + "/flavors/" + s.flavorId)));
        }
        var f = s.flavor;
        return new ServerView.EmbeddedFlavor(f.vcpus(), f.memoryMb(), f.rootGb(), f.ephemeralGb(), f.swapMb(), f.name(),
                who.flavorExtraSpecs() ? (f.extraSpecs() == null ? Map.of() : f.extraSpecs()) : null);
    }

    /** By network name (sorted, as Nova's), each port's fixed addresses. */
    static Map<String, List<ServerView.Address>> addresses(List<ServerPort> ports) {
        Map<String, List<ServerView.Address>> out = new TreeMap<>();
        for (ServerPort p : ports) {
            List<ServerView.Address> list = out.computeIfAbsent(p.networkName, k -> new ArrayList<>());
            for (ServerPort.Address a : p.fixedIps) {
                list.add(new ServerView.Address(a.version(), a.ipAddress(), "fixed", p.macAddress));
            }
        }
        return out;
    }

    private static List<ServerView.SecurityGroup> securityGroups(Server s) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        s.securityGroups.forEach(g -> names.add(g.name()));
        return names.stream().map(ServerView.SecurityGroup::new).toList();
    }

    private static ServerView.Fault fault(Server.Fault f, boolean admin) {
        return new ServerView.Fault(f.code(), f.created() == null ? null : ISO.format(Instant.parse(f.created())),
                f.message(), f.details() != null && (admin || f.code() != 500) ? f.details() : null);
    }
}
