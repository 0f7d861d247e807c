package io.strato.volume.services;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * A service in Cinder's os-services list: cinder-volume services add {@code replication_status},
 * {@code active_backend_id} and {@code frozen}, as Cinder's index. A key typed {@code Optional} is left out when null
 * and written as JSON null when empty.
 */
public record ServiceView(
        String binary,
        String host,
        String zone,
        String status,
        String state,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("disabled_reason") String disabledReason,
        @JsonProperty("replication_status") @JsonInclude(JsonInclude.Include.NON_NULL) String replicationStatus,
        @JsonProperty("active_backend_id") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> activeBackendId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean frozen) {

    /** {@code {"services": [...]}}. */
    public record Many(List<ServiceView> services) {
    }

    /** The answer of enable and disable: {@code disabled_reason} with enable and disable-log-reason, as Cinder. */
    public record Changed(String host, String service, String binary, boolean disabled, String status,
                          @JsonProperty("disabled_reason") @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> disabledReason) {
    }

    static ServiceView of(VolumeServices.Service s) {
        boolean volume = VolumeServices.VOLUME.equals(s.binary());
        return new ServiceView(s.binary(), s.host(), s.zone(), s.disabled() ? "disabled" : "enabled", "up",
                s.updatedAt().toString(), s.disabledReason(), volume ? "disabled" : null, volume ? Optional.empty() : null,
                volume ? s.frozen() : null);
    }
}
