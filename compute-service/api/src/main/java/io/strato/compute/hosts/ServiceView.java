package io.strato.compute.hosts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's os-services JSON for a host's nova-compute service (integer ids; {@code forced_down} from 2.11). */
@Schema(name = "ComputeService")
public record ServiceView(
        @JsonProperty("id") @Schema(oneOf = {Integer.class, String.class}, description = "an integer before 2.53, a UUID from it")
        Object id,
        @JsonProperty("binary") String binary,
        @JsonProperty("host") String host,
        @JsonProperty("zone") String zone,
        @JsonProperty("status") String status,
        @JsonProperty("state") String state,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("disabled_reason") String disabledReason,
        @JsonProperty("forced_down") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean forcedDown) {

    static ServiceView of(HostRow h, boolean forcedDown) {
        return of(h, forcedDown ? new io.strato.compute.api.Microversion(2, 11) : io.strato.compute.api.Microversion.MIN);
    }

    /** At {@code version}: {@code forced_down} from 2.11, a UUID id from 2.53. */
    static ServiceView of(HostRow h, io.strato.compute.api.Microversion version) {
        boolean forcedDown = version.atLeast(11);
        return new ServiceView(HostViews.id(h, version), HostViews.COMPUTE, h.host(), h.zone(), HostViews.status(h),
                HostViews.state(h), HostViews.time(h.lastHeartbeat()), h.disabledReason(), forcedDown ? h.forcedDown() : null);
    }

    @Schema(name = "ComputeServiceMany")
    public record Many(@JsonProperty("services") List<ServiceView> services) {
    }

    /**
     * The answer to enable, disable and disable-log-reason (the reason only for the last), and to force-down
     * ({@code forced_down} instead of the status).
     */
    @Schema(name = "ComputeServiceChange")
    public record Change(
            @JsonProperty("host") String host,
            @JsonProperty("binary") String binary,
            @JsonProperty("status") @JsonInclude(JsonInclude.Include.NON_NULL) String status,
            @JsonProperty("disabled_reason") @JsonInclude(JsonInclude.Include.NON_NULL) String disabledReason,
            @JsonProperty("forced_down") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean forcedDown) {
    }

    @Schema(name = "ComputeServiceChangeOne")
    public record ChangeOne(@JsonProperty("service") Change service) {
    }

    /** The answer to 2.53's {@code PUT /os-services/{id}}: the whole service. */
    @Schema(name = "ComputeServiceOne")
    public record One(@JsonProperty("service") ServiceView service) {
    }
}
