package io.strato.compute.hosts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's os-services JSON at 2.1 for a host's nova-compute service (integer ids, no forced_down). */
@Schema(name = "ComputeService")
public record ServiceView(
        @JsonProperty("id") int id,
        @JsonProperty("binary") String binary,
        @JsonProperty("host") String host,
        @JsonProperty("zone") String zone,
        @JsonProperty("status") String status,
        @JsonProperty("state") String state,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("disabled_reason") String disabledReason) {

    static ServiceView of(HostRow h) {
        return new ServiceView(HostViews.id(h), HostViews.COMPUTE, h.host(), h.zone(), HostViews.status(h),
                HostViews.state(h), HostViews.time(h.lastHeartbeat()), h.disabledReason());
    }

    @Schema(name = "ComputeServiceMany")
    public record Many(@JsonProperty("services") List<ServiceView> services) {
    }

    /** The answer to enable, disable and disable-log-reason; the reason only for the last. */
    @Schema(name = "ComputeServiceChange")
    public record Change(
            @JsonProperty("host") String host,
            @JsonProperty("binary") String binary,
            @JsonProperty("status") String status,
            @JsonProperty("disabled_reason") @JsonInclude(JsonInclude.Include.NON_NULL) String disabledReason) {
    }

    @Schema(name = "ComputeServiceChangeOne")
    public record ChangeOne(@JsonProperty("service") Change service) {
    }
}
