package io.strato.compute.scheduler;

import java.util.Set;

/**
 * A compute host as the filters and weighers of ONE request see it: its capacity, its claims and
 * allocation ratios, its liveness, and where the request's server group already has members.
 *
 * @param groupMembers members of the request's server group on this host (0 without a group)
 * @param groupHosts   every host holding a member of the request's group (shared by all states of a request)
 */
public record HostState(String host, String availabilityZone, String hypervisorType, String cpuArch,
                        int vcpus, int vcpusUsed, long memoryMb, long memoryMbUsed, long localGb, long localGbUsed,
                        double cpuAllocationRatio, double ramAllocationRatio, double diskAllocationRatio,
                        boolean enabled, boolean up, int groupMembers, Set<String> groupHosts) {

    public HostState {
        groupHosts = groupHosts == null ? Set.of() : groupHosts;
    }

    /** Physical RAM not claimed (Nova's {@code free_ram_mb}; negative when overcommitted). */
    public long freeRamMb() {
        return memoryMb - memoryMbUsed;
    }

    /** RAM that may still be claimed under the allocation ratio. */
    public double usableRamMb() {
        return memoryMb * ramAllocationRatio - memoryMbUsed;
    }

    /** vCPUs that may still be claimed under the allocation ratio (Nova's CPUWeigher figure too). */
    public double usableVcpus() {
        return vcpus * cpuAllocationRatio - vcpusUsed;
    }

    /** Disk (GB) that may still be claimed under the allocation ratio. */
    public double usableDiskGb() {
        return localGb * diskAllocationRatio - localGbUsed;
    }
}
