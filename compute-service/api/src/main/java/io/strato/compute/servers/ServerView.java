package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.strato.compute.api.Link;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of a server at 2.1 (nova/api/openstack/compute/views/servers.py), as show, detail and update
 * answer it. Keys are Nova's, {@code OS-EXT-STS:vm_state} and all; a key Nova leaves out in some states
 * ({@code progress}, {@code fault}, the admin-only {@code OS-EXT-SRV-ATTR:*}) is left out here too, and every
 * other one is there, null or not. Built by {@link ServerViews}.
 */
public record ServerView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("status") String status,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("metadata") Map<String, String> metadata,
        @JsonProperty("hostId") String hostId,
        @JsonProperty("image") @Schema(oneOf = {ImageRef.class, String.class},
                description = "the image, or \"\" for a server booted from a volume") Object image,
        @JsonProperty("flavor") @Schema(oneOf = {FlavorRef.class, EmbeddedFlavor.class},
                description = "its id and link before 2.47, the flavor itself from it") Object flavor,
        @JsonProperty("created") String created,
        @JsonProperty("updated") String updated,
        @JsonProperty("addresses") Map<String, List<Address>> addresses,
        @JsonProperty("accessIPv4") String accessIpv4,
        @JsonProperty("accessIPv6") String accessIpv6,
        @JsonProperty("links") List<Link> links,
        @JsonProperty("OS-DCF:diskConfig") String diskConfig,
        @JsonProperty("progress") @JsonInclude(JsonInclude.Include.NON_NULL) Integer progress,
        @JsonProperty("fault") @JsonInclude(JsonInclude.Include.NON_NULL) Fault fault,
        @JsonProperty("OS-EXT-AZ:availability_zone") String availabilityZone,
        @JsonProperty("config_drive") String configDrive,
        @JsonProperty("key_name") String keyName,
        @JsonProperty("OS-SRV-USG:launched_at") String launchedAt,
        @JsonProperty("OS-SRV-USG:terminated_at") String terminatedAt,
        // Nova shows the key only when the server's ports have groups (removeSecurityGroup can take the last one)
        @JsonProperty("security_groups") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SecurityGroup> securityGroups,
        @JsonUnwrapped Extended extended,
        @JsonProperty("OS-EXT-STS:task_state") String taskState,
        @JsonProperty("OS-EXT-STS:vm_state") String vmState,
        @JsonProperty("OS-EXT-STS:power_state") int powerState,
        @JsonProperty("os-extended-volumes:volumes_attached") List<AttachedVolume> volumesAttached,
        @JsonUnwrapped Since since) {

    /**
     * What later microversions add to every server view (show, detail, and from their step update and rebuild);
     * a key is absent below its microversion, a JSON null where Nova shows null.
     */
    @Schema(name = "ServerSinceMicroversions")
    public record Since(
            @JsonProperty("locked") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean locked,
            @JsonProperty("host_status") @JsonInclude(JsonInclude.Include.NON_NULL) String hostStatus,
            @JsonProperty("description") @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(implementation = String.class, nullable = true) Optional<String> description,
            @JsonProperty("tags") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> tags,
            @JsonProperty("trusted_image_certificates") @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = String.class, nullable = true) Optional<List<String>> trustedImageCertificates,
            @JsonProperty("server_groups") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> serverGroups,
            @JsonProperty("locked_reason") @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(implementation = String.class, nullable = true) Optional<String> lockedReason,
            @JsonProperty("OS-EXT-SRV-ATTR:hostname") @JsonInclude(JsonInclude.Include.NON_NULL) String hostname,
            @JsonProperty("pinned_availability_zone") @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(implementation = String.class, nullable = true) Optional<String> pinnedAvailabilityZone) {
    }

    /** The extended server attributes, for admins only (the keys are absent for others; null values stay). */
    @Schema(name = "ServerExtendedAttributes")
    public record Extended(
            @JsonProperty("OS-EXT-SRV-ATTR:host") String host,
            @JsonProperty("OS-EXT-SRV-ATTR:instance_name") String instanceName,
            @JsonProperty("OS-EXT-SRV-ATTR:hypervisor_hostname") String hypervisorHostname,
            @JsonUnwrapped Ec2 ec2) {
    }

    /** The extended attributes 2.3 adds for the EC2 API (absent below 2.3). */
    @Schema(name = "ServerExtendedAttributesEc2")
    public record Ec2(
            @JsonProperty("OS-EXT-SRV-ATTR:reservation_id") String reservationId,
            @JsonProperty("OS-EXT-SRV-ATTR:launch_index") int launchIndex,
            @JsonProperty("OS-EXT-SRV-ATTR:hostname") String hostname,
            @JsonProperty("OS-EXT-SRV-ATTR:kernel_id") String kernelId,
            @JsonProperty("OS-EXT-SRV-ATTR:ramdisk_id") String ramdiskId,
            @JsonProperty("OS-EXT-SRV-ATTR:root_device_name") String rootDeviceName,
            @JsonProperty("OS-EXT-SRV-ATTR:user_data") String userData) {
    }

    /** The server's image: its id and bookmark link. */
    @Schema(name = "ServerImageRef")
    public record ImageRef(@JsonProperty("id") String id, @JsonProperty("links") List<Link> links) {
    }

    /** The server's flavor: its id and bookmark link (Nova embeds the flavor itself from 2.47). */
    @Schema(name = "ServerFlavorRef")
    public record FlavorRef(@JsonProperty("id") String id, @JsonProperty("links") List<Link> links) {
    }

    /** The flavor the server has, embedded (2.47); extra_specs only for callers the rule lets read them. */
    @Schema(name = "ServerEmbeddedFlavor")
    public record EmbeddedFlavor(
            @JsonProperty("vcpus") int vcpus,
            @JsonProperty("ram") int ram,
            @JsonProperty("disk") int disk,
            @JsonProperty("ephemeral") int ephemeral,
            @JsonProperty("swap") int swap,
            @JsonProperty("original_name") String originalName,
            @JsonProperty("extra_specs") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> extraSpecs) {
    }

    /** A fixed address of a port of the server, under its network's name in {@code addresses}. */
    @Schema(name = "ServerAddress")
    public record Address(
            @JsonProperty("version") int version,
            @JsonProperty("addr") String addr,
            @JsonProperty("OS-EXT-IPS:type") String type,
            @JsonProperty("OS-EXT-IPS-MAC:mac_addr") String macAddr) {
    }

    /** Why the server is in ERROR; {@code details} (a trace) only for admins or faults other than 500. */
    @Schema(name = "ServerFault")
    public record Fault(
            @JsonProperty("code") int code,
            @JsonProperty("created") String created,
            @JsonProperty("message") String message,
            @JsonProperty("details") @JsonInclude(JsonInclude.Include.NON_NULL) String details) {
    }

    /** A volume attached to the server ({@code delete_on_termination} from 2.3). */
    @Schema(name = "ServerAttachedVolume")
    public record AttachedVolume(@JsonProperty("id") String id,
                                 @JsonProperty("delete_on_termination") @JsonInclude(JsonInclude.Include.NON_NULL)
                                 Boolean deleteOnTermination) {
    }

    /** A security group of the server, by name. */
    @Schema(name = "ServerSecurityGroup")
    public record SecurityGroup(@JsonProperty("name") String name) {
    }

    /** An entry of {@code GET /servers}. */
    @Schema(name = "ServerBrief")
    public record Brief(@JsonProperty("id") String id, @JsonProperty("name") String name,
                        @JsonProperty("links") List<Link> links) {
    }

    /** The server of a create's 202; {@code adminPass} is there when Nova would give it. */
    @Schema(name = "ServerCreated")
    public record Created(
            @JsonProperty("id") String id,
            @JsonProperty("links") List<Link> links,
            @JsonProperty("OS-DCF:diskConfig") String diskConfig,
            @JsonProperty("security_groups") List<SecurityGroup> securityGroups,
            @JsonProperty("adminPass") @JsonInclude(JsonInclude.Include.NON_NULL) String adminPass) {
    }

    /** {@code {"server": {...}}} of show. */
    @Schema(name = "ServerOne")
    public record One(@JsonProperty("server") ServerView server) {
    }

    /** {@code {"server": {...}}} of a create. */
    @Schema(name = "ServerCreatedOne")
    public record CreatedOne(@JsonProperty("server") Created server) {
    }

    /** A create's 202 with {@code return_reservation_id}. */
    @Schema(name = "ServerReservation")
    public record Reservation(@JsonProperty("reservation_id") String reservationId) {
    }

    /** {@code GET /servers/detail}: a page of servers and, when it is full, the next page's link. */
    @Schema(name = "ServerMany")
    public record Many(
            @JsonProperty("servers") List<ServerView> servers,
            @JsonProperty("servers_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> serversLinks) {
    }

    /** {@code GET /servers}: a page of brief servers and, when it is full, the next page's link. */
    @Schema(name = "ServerBriefMany")
    public record BriefMany(
            @JsonProperty("servers") List<Brief> servers,
            @JsonProperty("servers_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> serversLinks) {
    }

    /** The answer to os-getConsoleOutput. */
    @Schema(name = "ServerConsoleOutput")
    public record ConsoleOutput(@JsonProperty("output") String output) {
    }
}
