package io.strato.compute.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's os-hosts shapes: a host of the list, and the resources of a host (hosts.py's show). */
@Schema(name = "ComputeOsHost")
public record OsHostView(
        @JsonProperty("host_name") String hostName,
        @JsonProperty("service") String service,
        @JsonProperty("zone") String zone) {

    /** Nova's topic of the nova-compute service. */
    static final String COMPUTE_TOPIC = "compute";

    static OsHostView of(HostRow h) {
        return new OsHostView(h.host(), COMPUTE_TOPIC, h.zone());
    }

    @Schema(name = "ComputeOsHostMany")
    public record Many(@JsonProperty("hosts") List<OsHostView> hosts) {
    }

    /** One line of a host's resources: {@code project} is {@code (total)}, {@code (used_now)}, {@code (used_max)} or a project id. */
    @Schema(name = "ComputeOsHostResource")
    public record Resource(
            @JsonProperty("host") String host,
            @JsonProperty("project") String project,
            @JsonProperty("cpu") long cpu,
            @JsonProperty("memory_mb") long memoryMb,
            @JsonProperty("disk_gb") long diskGb) {
    }

    @Schema(name = "ComputeOsHostResourceLine")
    public record Line(@JsonProperty("resource") Resource resource) {
    }

    @Schema(name = "ComputeOsHostResources")
    public record Resources(@JsonProperty("host") List<Line> host) {
    }

    /**
     * Nova's show: the host's capacity {@code (total)}, its claims {@code (used_now)}, the sum of its servers'
     * flavors {@code (used_max)}, then that sum per project.
     *
     * @param servers each {project, vCPUs, memory MB, disk GB}
     */
    static Resources resources(HostRow h, List<Object[]> servers) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(new Resource(h.host(), "(total)", h.vcpus(), h.memoryMb(), h.localGb())));
        lines.add(new Line(new Resource(h.host(), "(used_now)", h.vcpusUsed(), h.memoryMbUsed(), h.localGbUsed())));
        long[] max = new long[3];
        Map<String, long[]> byProject = new LinkedHashMap<>();
        for (Object[] s : servers) {
            long[] p = byProject.computeIfAbsent(String.valueOf(s[0]), k -> new long[3]);
            for (int i = 0; i < 3; i++) {
                long v = ((Number) s[i + 1]).longValue();
                p[i] += v;
                max[i] += v;
            }
        }
        lines.add(new Line(new Resource(h.host(), "(used_max)", max[0], max[1], max[2])));
        byProject.forEach((project, p) -> lines.add(new Line(new Resource(h.host(), project, p[0], p[1], p[2]))));
        return new Resources(lines);
    }
}
