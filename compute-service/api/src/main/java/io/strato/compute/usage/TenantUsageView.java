package io.strato.compute.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.compute.api.Link;
import io.strato.compute.api.NovaTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's JSON of os-simple-tenant-usage: per project the totals over the period, and each server's usage. */
@Schema(name = "TenantUsage")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantUsageView(
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("total_local_gb_usage") double totalLocalGbUsage,
        @JsonProperty("total_vcpus_usage") double totalVcpusUsage,
        @JsonProperty("total_memory_mb_usage") double totalMemoryMbUsage,
        @JsonProperty("total_hours") double totalHours,
        @JsonProperty("start") String start,
        @JsonProperty("stop") String stop,
        @JsonProperty("server_usages") List<Server> serverUsages) {

    @Schema(name = "ServerUsage")
    public record Server(
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("name") String name,
            @JsonProperty("hours") double hours,
            @JsonProperty("memory_mb") int memoryMb,
            @JsonProperty("local_gb") int localGb,
            @JsonProperty("vcpus") int vcpus,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("flavor") String flavor,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("ended_at") @JsonInclude(JsonInclude.Include.ALWAYS) String endedAt,
            @JsonProperty("state") String state,
            @JsonProperty("uptime") long uptime) {
    }

    @Schema(name = "TenantUsageMany")
    public record Many(@JsonProperty("tenant_usages") List<TenantUsageView> tenantUsages,
                       @JsonProperty("tenant_usages_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> links) {
    }

    /** {@code {"tenant_usage": {...}}}, or {@code {}} for a project with no usage in the period, as Nova. */
    @Schema(name = "TenantUsageOne")
    public record One(@JsonProperty("tenant_usage") Object tenantUsage) {
    }

    /** The usages grouped by project, in the order the servers came; server usages when {@code detailed}. */
    static List<TenantUsageView> of(List<ServerUsage> servers, Instant start, Instant stop, boolean detailed, Instant now) {
        Map<String, List<ServerUsage>> byProject = new LinkedHashMap<>();
        servers.forEach(s -> byProject.computeIfAbsent(s.projectId(), p -> new ArrayList<>()).add(s));
        List<TenantUsageView> out = new ArrayList<>();
        byProject.forEach((project, list) -> {
            double gb = 0, vcpus = 0, mb = 0, hours = 0;
            List<Server> usages = new ArrayList<>();
            for (ServerUsage s : list) {
                double h = s.hours(start, stop);
                gb += s.localGb() * h;
                vcpus += s.vcpus() * h;
                mb += s.memoryMb() * h;
                hours += h;
                usages.add(new Server(s.id(), s.name(), h, s.memoryMb(), s.localGb(), s.vcpus(), project, s.flavor(),
                        NovaTime.naive(s.launchedAt()), NovaTime.naive(s.terminatedAt()), s.state(), s.uptime(now)));
            }
            out.add(new TenantUsageView(project, gb, vcpus, mb, hours, NovaTime.naive(start), NovaTime.naive(stop),
                    detailed ? usages : null));
        });
        return out;
    }
}
