package io.strato.compute.hosts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Nova's JSON of a hypervisor: ids are {@code compute_host.id} integers, cpu_info is a JSON string before 2.28
 * and an object from it. The
 * detail fields are there in detail and show only (their null values then stay), {@code servers} in
 * {@code /os-hypervisors/{pattern}/servers} only.
 */
@Schema(name = "Hypervisor")
public record HypervisorView(
        @JsonProperty("id") @Schema(oneOf = {Integer.class, String.class}, description = "an integer before 2.53, a UUID from it")
        Object id,
        @JsonProperty("hypervisor_hostname") String hypervisorHostname,
        @JsonProperty("state") String state,
        @JsonProperty("status") String status,
        @JsonUnwrapped Detail detail,
        @JsonProperty("servers") @JsonInclude(JsonInclude.Include.NON_NULL) List<Server> servers) {

    @Schema(name = "HypervisorDetail")
    public record Detail(
            @JsonProperty("hypervisor_type") String hypervisorType,
            @JsonProperty("hypervisor_version") long hypervisorVersion,
            @JsonProperty("host_ip") String hostIp,
            @JsonProperty("service") Service service,
            @JsonUnwrapped Usage usage,
            @JsonProperty("uptime") @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(implementation = String.class, nullable = true, description = "from 2.88") java.util.Optional<String> uptime) {
    }

    /** The usage fields of detail and show, gone from 2.88. */
    @Schema(name = "HypervisorUsage")
    public record Usage(
            @JsonProperty("vcpus") int vcpus,
            @JsonProperty("memory_mb") long memoryMb,
            @JsonProperty("local_gb") long localGb,
            @JsonProperty("vcpus_used") int vcpusUsed,
            @JsonProperty("memory_mb_used") long memoryMbUsed,
            @JsonProperty("local_gb_used") long localGbUsed,
            @JsonProperty("free_ram_mb") long freeRamMb,
            @JsonProperty("free_disk_gb") long freeDiskGb,
            @JsonProperty("current_workload") int currentWorkload,
            @JsonProperty("running_vms") int runningVms,
            @JsonProperty("disk_available_least") long diskAvailableLeast,
            @JsonProperty("cpu_info") @Schema(oneOf = {String.class, Object.class},
                    description = "a JSON string before 2.28, an object from it") Object cpuInfo) {
    }

    /** The hypervisor's nova-compute service. */
    @Schema(name = "HypervisorService")
    public record Service(@JsonProperty("host") String host,
                          @JsonProperty("id") @Schema(oneOf = {Integer.class, String.class}) Object id,
                          @JsonProperty("disabled_reason") String disabledReason) {
    }

    /** A server on the hypervisor. */
    @Schema(name = "HypervisorServer")
    public record Server(@JsonProperty("name") String name, @JsonProperty("uuid") String uuid) {
    }

    /** Sums over every hypervisor ({@code /os-hypervisors/statistics}). */
    @Schema(name = "HypervisorStatistics")
    public record Statistics(
            @JsonProperty("count") int count,
            @JsonProperty("vcpus") long vcpus,
            @JsonProperty("vcpus_used") long vcpusUsed,
            @JsonProperty("memory_mb") long memoryMb,
            @JsonProperty("memory_mb_used") long memoryMbUsed,
            @JsonProperty("free_ram_mb") long freeRamMb,
            @JsonProperty("local_gb") long localGb,
            @JsonProperty("local_gb_used") long localGbUsed,
            @JsonProperty("free_disk_gb") long freeDiskGb,
            @JsonProperty("disk_available_least") long diskAvailableLeast,
            @JsonProperty("current_workload") int currentWorkload,
            @JsonProperty("running_vms") long runningVms) {
    }

    @Schema(name = "HypervisorOne")
    public record One(@JsonProperty("hypervisor") HypervisorView hypervisor) {
    }

    @Schema(name = "HypervisorMany")
    public record Many(@JsonProperty("hypervisors") List<HypervisorView> hypervisors,
                       @JsonProperty("hypervisors_links") @JsonInclude(JsonInclude.Include.NON_NULL)
                       List<io.strato.compute.api.Link> links) {
    }

    @Schema(name = "HypervisorStatisticsOne")
    public record StatisticsOne(@JsonProperty("hypervisor_statistics") Statistics hypervisorStatistics) {
    }
}
