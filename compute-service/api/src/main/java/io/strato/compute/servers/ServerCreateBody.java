package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/servers}, {@code {"server": {...}, "os:scheduler_hints": {...}}}, as OpenAPI
 * publishes it. The values stay JSON here because Nova answers a wrong type with its schema's own message
 * ({@code Invalid input for field/attribute name. Value: 5. 5 is not of type 'string'}), which
 * {@link CreateRequest} gives; attributes Nova does not know are kept for its {@code Additional properties are
 * not allowed} 400. Written back with Jackson, absent members stay absent and explicit nulls stay null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerCreateBody(
        @JsonProperty("server") ServerCreateAttributes server,
        @JsonProperty("os:scheduler_hints") JsonNode schedulerHints,
        @JsonProperty("OS-SCH-HNT:scheduler_hints") JsonNode legacySchedulerHints) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The attributes of a server create at 2.1 (Nova's names on the wire). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServerCreateAttributes(
            @JsonProperty("name") JsonNode name,
            @JsonProperty("imageRef") JsonNode imageRef,
            @JsonProperty("flavorRef") JsonNode flavorRef,
            @JsonProperty("networks") JsonNode networks,
            @JsonProperty("security_groups") JsonNode securityGroups,
            @JsonProperty("key_name") JsonNode keyName,
            @JsonProperty("user_data") JsonNode userData,
            @JsonProperty("metadata") JsonNode metadata,
            @JsonProperty("availability_zone") JsonNode availabilityZone,
            @JsonProperty("min_count") JsonNode minCount,
            @JsonProperty("max_count") JsonNode maxCount,
            @JsonProperty("adminPass") JsonNode adminPass,
            @JsonProperty("OS-DCF:diskConfig") JsonNode diskConfig,
            @JsonProperty("config_drive") JsonNode configDrive,
            @JsonProperty("accessIPv4") JsonNode accessIpv4,
            @JsonProperty("accessIPv6") JsonNode accessIpv6,
            @JsonProperty("return_reservation_id") JsonNode returnReservationId,
            @JsonProperty("description") JsonNode description,
            @JsonProperty("tags") JsonNode tags,
            @JsonProperty("personality") JsonNode personality,
            @JsonProperty("block_device_mapping") JsonNode blockDeviceMapping,
            @JsonProperty("block_device_mapping_v2") JsonNode blockDeviceMappingV2,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }

    /** The body as the client sent it, for {@link CreateRequest#parse}. */
    JsonNode json() {
        return MAPPER.valueToTree(this);
    }
}
