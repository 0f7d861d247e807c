package io.strato.network.quotas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A project's quota in Neutron's JSON: one limit per resource Neutron counts ({@link QuotaResources}),
 * -1 for unlimited.
 */
public record QuotaView(
        @JsonProperty("network") int network,
        @JsonProperty("subnet") int subnet,
        @JsonProperty("port") int port,
        @JsonProperty("router") int router,
        @JsonProperty("floatingip") int floatingip,
        @JsonProperty("security_group") int securityGroup,
        @JsonProperty("security_group_rule") int securityGroupRule) {

    static QuotaView of(Map<String, Integer> limits) {
        return new QuotaView(limits.get("network"), limits.get("subnet"), limits.get("port"), limits.get("router"),
                limits.get("floatingip"), limits.get("security_group"), limits.get("security_group_rule"));
    }

    /** A project with overrides, as {@code GET /v2.0/quotas} lists it: its full limits and its id. */
    public record OfProject(@JsonUnwrapped QuotaView limits,
                            @JsonProperty("project_id") String projectId,
                            @JsonProperty("tenant_id") String tenantId) {
    }

    /** A resource's line of {@code details.json}. */
    public record Usage(@JsonProperty("limit") int limit, @JsonProperty("used") long used,
                        @JsonProperty("reserved") int reserved) {
    }

    /** {@code details.json}: every resource's limit, use and reservations. */
    @Schema(name = "QuotaDetails")
    public record Details(
            @JsonProperty("network") Usage network,
            @JsonProperty("subnet") Usage subnet,
            @JsonProperty("port") Usage port,
            @JsonProperty("router") Usage router,
            @JsonProperty("floatingip") Usage floatingip,
            @JsonProperty("security_group") Usage securityGroup,
            @JsonProperty("security_group_rule") Usage securityGroupRule) {

        static Details of(Function<String, Usage> usage) {
            return new Details(usage.apply("network"), usage.apply("subnet"), usage.apply("port"), usage.apply("router"),
                    usage.apply("floatingip"), usage.apply("security_group"), usage.apply("security_group_rule"));
        }
    }

    /** {@code {"quota": {...}}} */
    @Schema(name = "QuotaResponse")
    public record One(@JsonProperty("quota") QuotaView quota) {
    }

    /** {@code {"quota": {"network": {"limit": .., "used": .., "reserved": 0}, ...}}} */
    @Schema(name = "QuotaDetailsResponse")
    public record WithDetails(@JsonProperty("quota") Details quota) {
    }

    /** {@code {"quotas": [...]}}: the projects with overrides. */
    @Schema(name = "QuotaListResponse")
    public record Many(@JsonProperty("quotas") List<OfProject> quotas) {
    }
}
