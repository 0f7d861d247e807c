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
 * The server as Nova's update and rebuild answer it: its show view with every extension switched off
 * (no {@code OS-EXT-*}, {@code OS-SRV-USG:*}, {@code config_drive}, {@code key_name}, {@code security_groups},
 * volumes) and addresses without their type and MAC. A rebuild adds {@code adminPass} (and {@code key_name},
 * {@code user_data} from 2.54, 2.57). Built by {@link ServerViews}.
 */
@Schema(name = "ServerBasic")
public record ServerBasicView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("status") String status,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("metadata") Map<String, String> metadata,
        @JsonProperty("hostId") String hostId,
        @JsonProperty("image") @Schema(oneOf = {ServerView.ImageRef.class, String.class}) Object image,
        @JsonProperty("flavor") @Schema(oneOf = {ServerView.FlavorRef.class, ServerView.EmbeddedFlavor.class}) Object flavor,
        @JsonProperty("created") String created,
        @JsonProperty("updated") String updated,
        @JsonProperty("addresses") Map<String, List<Address>> addresses,
        @JsonProperty("accessIPv4") String accessIpv4,
        @JsonProperty("accessIPv6") String accessIpv6,
        @JsonProperty("links") List<Link> links,
        @JsonProperty("OS-DCF:diskConfig") String diskConfig,
        @JsonProperty("progress") @JsonInclude(JsonInclude.Include.NON_NULL) Integer progress,
        @JsonProperty("fault") @JsonInclude(JsonInclude.Include.NON_NULL) ServerView.Fault fault,
        @JsonProperty("adminPass") @JsonInclude(JsonInclude.Include.NON_NULL) String adminPass,
        @JsonProperty("key_name") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(implementation = String.class, nullable = true) Optional<String> keyName,
        @JsonProperty("user_data") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(implementation = String.class, nullable = true) Optional<String> userData,
        @JsonUnwrapped ServerView.Since since) {

    /** An address as os-ips and the basic view give it: version and address only. */
    @Schema(name = "ServerPlainAddress")
    public record Address(@JsonProperty("version") int version, @JsonProperty("addr") String addr) {
    }

    /**
     * The same server as a rebuild answers it: with the password it set, from 2.54 its {@code key_name}, from 2.57
     * its {@code user_data} (both null when it has none).
     */
    public ServerBasicView rebuilt(String pass, String key, String data, io.strato.compute.api.Microversion version) {
        return new ServerBasicView(id, name, status, tenantId, userId, metadata, hostId, image, flavor, created, updated,
                addresses, accessIpv4, accessIpv6, links, diskConfig, progress, fault, pass,
                version.atLeast(54) ? Optional.ofNullable(key) : null,
                version.atLeast(57) ? Optional.ofNullable(data) : null, since);
    }

    /** {@code {"server": {...}}} of update and rebuild. */
    @Schema(name = "ServerBasicOne")
    public record One(@JsonProperty("server") ServerBasicView server) {
    }
}
