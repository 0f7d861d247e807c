package io.strato.compute.agent.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A flavor's resource policy: the {@code quota:*} extra specs the agent turns into domain XML.
 *
 * <ul>
 *   <li>CPU, as Nova's libvirt driver: {@code quota:cpu_shares} → {@code <cputune><shares>} (relative weight),
 *       {@code quota:cpu_period} / {@code quota:cpu_quota} (µs) → {@code <period>} / {@code <quota>} (a hard cap:
 *       quota/period CPUs per vCPU).</li>
 *   <li>Memory (Nova's libvirt driver has none; the names are those of Nova's VMware driver, in MiB):
 *       {@code quota:memory_limit} → {@code <memtune><hard_limit>} (at least the flavor's RAM),
 *       {@code quota:memory_reservation} → {@code <soft_limit>} (the host reclaims from the guest down to
 *       this under pressure; QEMU has no real guarantee), {@code quota:memory_swap_limit} →
 *       {@code <swap_hard_limit>} (RAM plus swap, at least the hard limit).</li>
 *   <li>Disk, as Nova: {@code quota:disk_{read,write,total}_{bytes,iops}_sec[_max]} and
 *       {@code quota:disk_size_iops_sec} → {@code <iotune>} of the root disk.</li>
 *   <li>Network, as Nova: {@code quota:vif_{inbound,outbound}_{average,peak,burst}} (KB/s, KB) →
 *       {@code <bandwidth>} of every interface.</li>
 * </ul>
 * Other extra specs (and unknown {@code quota:} keys) are not the agent's business and are ignored.
 */
public record ResourcePolicy(CpuTune cpu, MemTune memory, Map<IoLimit, Long> disk, Bandwidth inbound,
                             Bandwidth outbound) {

    /** {@code <cputune>}. */
    public record CpuTune(OptionalLong shares, OptionalLong period, OptionalLong quota) {
        public boolean isEmpty() {
            return shares.isEmpty() && period.isEmpty() && quota.isEmpty();
        }
    }

    /** {@code <memtune>}, in MiB. */
    public record MemTune(OptionalLong hardLimitMib, OptionalLong softLimitMib, OptionalLong swapHardLimitMib) {
        public boolean isEmpty() {
            return hardLimitMib.isEmpty() && softLimitMib.isEmpty() && swapHardLimitMib.isEmpty();
        }
    }

    /** One direction of {@code <bandwidth>}: KB/s, KB/s, KB. */
    public record Bandwidth(OptionalLong average, OptionalLong peak, OptionalLong burst) {
        public boolean isEmpty() {
            return average.isEmpty() && peak.isEmpty() && burst.isEmpty();
        }
    }

    public static final ResourcePolicy NONE = from(Map.of(), 0);

    /**
     * Reads the policy from a flavor's extra specs.
     *
     * @throws InvalidResourcePolicy when a value is not a number in range or limits contradict each other
     */
    public static ResourcePolicy from(Map<String, String> extraSpecs, long flavorMemoryMb) {
        Map<String, String> specs = extraSpecs == null ? Map.of() : extraSpecs;
        Reader r = new Reader(specs);
        CpuTune cpu = new CpuTune(r.range("quota:cpu_shares", 1, 262_144), r.range("quota:cpu_period", 1_000, 1_000_000),
                r.cpuQuota());
        MemTune mem = new MemTune(r.range("quota:memory_limit", 1, Long.MAX_VALUE / 1024),
                r.range("quota:memory_reservation", 1, Long.MAX_VALUE / 1024),
                r.range("quota:memory_swap_limit", 1, Long.MAX_VALUE / 1024));
        checkMemory(mem, flavorMemoryMb);
        Map<IoLimit, Long> disk = new EnumMap<>(IoLimit.class);
        for (IoLimit limit : IoLimit.values()) {
            r.range(limit.extraSpec(), 0, Long.MAX_VALUE).ifPresent(v -> disk.put(limit, v));
        }
        checkDisk(disk);
        Bandwidth in = r.bandwidth("inbound");
        Bandwidth out = r.bandwidth("outbound");
        return new ResourcePolicy(cpu, mem, Map.copyOf(disk), in, out);
    }

    private static void checkMemory(MemTune mem, long flavorMemoryMb) {
        mem.hardLimitMib().ifPresent(hard -> {
            if (hard < flavorMemoryMb) {
                throw new InvalidResourcePolicy("quota:memory_limit " + hard + " MiB is below the flavor's RAM "
                        + flavorMemoryMb + " MiB: the guest could never use its memory");
            }
            mem.softLimitMib().ifPresent(soft -> {
                if (soft > hard) {
                    throw new InvalidResourcePolicy("quota:memory_reservation " + soft
                            + " MiB exceeds quota:memory_limit " + hard + " MiB");
                }
            });
        });
        mem.swapHardLimitMib().ifPresent(swap -> {
            long floor = mem.hardLimitMib().orElse(flavorMemoryMb);
            if (swap < floor) {
                throw new InvalidResourcePolicy("quota:memory_swap_limit " + swap + " MiB is below the memory limit "
                        + floor + " MiB (it counts memory plus swap)");
            }
        });
    }

    private static void checkDisk(Map<IoLimit, Long> disk) {
        for (IoLimit limit : disk.keySet()) {
            IoLimit total = limit.total();
            if (total != null && disk.containsKey(total)) {
                throw new InvalidResourcePolicy(limit.extraSpec() + " cannot be combined with " + total.extraSpec());
            }
            IoLimit base = limit.base();
            if (base != null && !disk.containsKey(base)) {
                throw new InvalidResourcePolicy(limit.extraSpec() + " needs " + base.extraSpec() + " too");
            }
        }
    }

    private record Reader(Map<String, String> specs) {

        OptionalLong range(String key, long min, long max) {
            String raw = specs.get(key);
            if (raw == null) {
                return OptionalLong.empty();
            }
            long v = number(key, raw);
            if (v < min || v > max) {
                throw new InvalidResourcePolicy(key + "=" + raw + " is out of range [" + min + ", " + max + "]");
            }
            return OptionalLong.of(v);
        }

        /** -1 (no limit) or 1,000 µs and up, as libvirt accepts. */
        OptionalLong cpuQuota() {
            String key = "quota:cpu_quota";
            String raw = specs.get(key);
            if (raw == null) {
                return OptionalLong.empty();
            }
            long v = number(key, raw);
            if (v != -1 && (v < 1_000 || v > 17_592_186_044_415L)) {
                throw new InvalidResourcePolicy(key + "=" + raw + " must be -1 or between 1000 and 17592186044415");
            }
            return OptionalLong.of(v);
        }

        Bandwidth bandwidth(String direction) {
            String prefix = "quota:vif_" + direction + "_";
            Bandwidth b = new Bandwidth(range(prefix + "average", 1, 4_294_967_295L),
                    range(prefix + "peak", 1, 4_294_967_295L), range(prefix + "burst", 1, 4_294_967_295L));
            if (b.average().isEmpty() && !b.isEmpty()) {
                throw new InvalidResourcePolicy(prefix + "peak and " + prefix + "burst need " + prefix + "average");
            }
            return b;
        }

        private static long number(String key, String raw) {
            try {
                return Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                throw new InvalidResourcePolicy(key + "=" + raw + " is not an integer");
            }
        }
    }
}
