package io.strato.compute.scheduler;

import io.strato.compute.protocol.Commands;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one server asks of the scheduler (Nova's RequestSpec, reduced to what Strato's filters read).
 *
 * @param serverId          the server being placed (its allocation row is keyed by it)
 * @param projectId         owner, for logs
 * @param flavor            the resources to claim: vCPUs, RAM, root + ephemeral + swap disk
 * @param imageProperties   the image's properties ({@code hw_architecture}, {@code img_hv_type}, ...); null or empty for none
 * @param availabilityZone  the requested zone, or {@code zone:host} to pin a host; null for any
 * @param groupId           the server group of the {@code group} scheduler hint, or null
 * @param groupPolicy       affinity, anti-affinity, soft-affinity or soft-anti-affinity (null without a group)
 * @param maxServerPerHost  the anti-affinity group's {@code max_server_per_host} rule; null means 1
 * @param excludedHosts     hosts not to use (previous attempts of this build); null for none
 */
public record RequestSpec(UUID serverId, String projectId, Commands.Flavor flavor, Map<String, String> imageProperties,
                          String availabilityZone, UUID groupId, String groupPolicy, Integer maxServerPerHost,
                          Set<String> excludedHosts) {

    public RequestSpec {
        imageProperties = imageProperties == null ? Map.of() : imageProperties;
        excludedHosts = excludedHosts == null ? Set.of() : excludedHosts;
    }

    public int vcpus() {
        return flavor.vcpus();
    }

    public long memoryMb() {
        return flavor.memoryMb();
    }

    /** Root + ephemeral + swap in GB, swap rounded up to whole GB, as Nova asks placement for DISK_GB. */
    public long diskGb() {
        return diskGb(flavor);
    }

    public static long diskGb(Commands.Flavor f) {
        return (long) f.rootGb() + f.ephemeralGb() + (f.swapMb() + 1023L) / 1024L;
    }

    /** Members of the spec's group allowed on one host under a hard anti-affinity policy. */
    public int membersPerHost() {
        return maxServerPerHost == null || maxServerPerHost < 1 ? 1 : maxServerPerHost;
    }

    public boolean hasPolicy(String policy) {
        return groupId != null && policy.equals(groupPolicy);
    }
}
