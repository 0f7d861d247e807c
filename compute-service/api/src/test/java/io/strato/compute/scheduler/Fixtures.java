package io.strato.compute.scheduler;

import io.strato.compute.protocol.Commands;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Hosts and requests for filter, weigher and selector tests (no database). */
public final class Fixtures {
    private Fixtures() {
    }

    /** A host of 8 vCPUs, 16 GiB RAM and 100 GB disk with nothing claimed, Nova's ratios, enabled and up. */
    public static Host host(String name) {
        return new Host(name);
    }

    public static Commands.Flavor flavor(int vcpus, int memoryMb, int rootGb) {
        return new Commands.Flavor("f" + vcpus + "-" + memoryMb, "flavor", vcpus, memoryMb, rootGb, 0, 0, Map.of());
    }

    public static RequestSpec spec(Commands.Flavor flavor) {
        return new RequestSpec(UUID.randomUUID(), "p", flavor, Map.of(), null, null, null, null, Set.of());
    }

    public static RequestSpec spec(int vcpus, int memoryMb, int rootGb) {
        return spec(flavor(vcpus, memoryMb, rootGb));
    }

    public static RequestSpec inZone(String zone) {
        return new RequestSpec(UUID.randomUUID(), "p", flavor(1, 512, 1), Map.of(), zone, null, null, null, Set.of());
    }

    public static RequestSpec withImage(Map<String, String> properties) {
        return new RequestSpec(UUID.randomUUID(), "p", flavor(1, 512, 1), properties, null, null, null, null, Set.of());
    }

    public static RequestSpec inGroup(String policy, Integer maxServerPerHost) {
        return new RequestSpec(UUID.randomUUID(), "p", flavor(1, 512, 1), Map.of(), null, UUID.randomUUID(), policy,
                maxServerPerHost, Set.of());
    }

    public static RequestSpec excluding(String... hosts) {
        return new RequestSpec(UUID.randomUUID(), "p", flavor(1, 512, 1), Map.of(), null, null, null, null, Set.of(hosts));
    }

    /** A mutable description of a host; {@link #state()} makes the record. */
    public static final class Host {
        String name;
        String zone = "nova";
        String hypervisorType = "QEMU";
        String arch = "x86_64";
        int vcpus = 8;
        int vcpusUsed;
        long memoryMb = 16384;
        long memoryMbUsed;
        long localGb = 100;
        long localGbUsed;
        double cpuRatio = 16.0;
        double ramRatio = 1.5;
        double diskRatio = 1.0;
        boolean enabled = true;
        boolean up = true;
        int groupMembers;
        Set<String> groupHosts = Set.of();

        Host(String name) {
            this.name = name;
        }

        public Host zone(String z) { zone = z; return this; }
        public Host hypervisorType(String t) { hypervisorType = t; return this; }
        public Host arch(String a) { arch = a; return this; }
        public Host vcpus(int total, int used) { vcpus = total; vcpusUsed = used; return this; }
        public Host ram(long total, long used) { memoryMb = total; memoryMbUsed = used; return this; }
        public Host disk(long total, long used) { localGb = total; localGbUsed = used; return this; }
        public Host ratios(double cpu, double ram, double disk) { cpuRatio = cpu; ramRatio = ram; diskRatio = disk; return this; }
        public Host enabled(boolean e) { enabled = e; return this; }
        public Host up(boolean u) { up = u; return this; }
        public Host group(int membersHere, Set<String> hostsOfGroup) { groupMembers = membersHere; groupHosts = hostsOfGroup; return this; }

        public HostState state() {
            return new HostState(name, zone, hypervisorType, arch, vcpus, vcpusUsed, memoryMb, memoryMbUsed, localGb,
                    localGbUsed, cpuRatio, ramRatio, diskRatio, enabled, up, groupMembers, groupHosts);
        }
    }
}
