package io.strato.compute.scheduler;

import io.strato.compute.protocol.Commands;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Scheduler decisions per second with 1,000 simulated hosts, in-process: every decision runs the
 * default filters and weighers over all 1,000 host states (no database: the claim and the loading
 * of host rows are not measured). Not a test; run it as docs/benchmarks.md says.
 *
 * <p>Arguments (optional): hosts (1000), seconds per round (5), rounds (5).
 */
public final class SchedulerBenchmark {
    private static final Commands.Flavor[] FLAVORS = {
        new Commands.Flavor("1", "m1.tiny", 1, 512, 1, 0, 0, Map.of()),
        new Commands.Flavor("2", "m1.small", 1, 2048, 20, 0, 0, Map.of()),
        new Commands.Flavor("3", "m1.medium", 2, 4096, 40, 0, 0, Map.of()),
        new Commands.Flavor("4", "m1.large", 4, 8192, 80, 0, 0, Map.of()),
        new Commands.Flavor("5", "m1.xlarge", 8, 16384, 160, 0, 0, Map.of()),
    };
    private static final String[] POLICIES = {null, null, null, "anti-affinity", "affinity", "soft-anti-affinity",
        "soft-affinity"};

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) {
        int hostCount = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Random random = new Random(42);
        List<HostState> hosts = hosts(hostCount, random);
        List<List<HostState>> groupViews = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            groupViews.add(withGroup(hosts, random));
        }
        RequestSpec[] specs = new RequestSpec[1024];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = spec(random);
        }
        HostSelector selector = TestConfig.selector(TestConfig.defaults());

        long sink = 0;
        for (int i = 0; i < 30; i++) { // warm-up by work done, not time: the JIT needs the calls, not the seconds
            sink += run(selector, hosts, groupViews, specs, 0, i);
        }
        double[] rates = new double[rounds];
        double[] cpuRates = new double[rounds];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            long decisions = 0;
            while (System.nanoTime() < deadline) {
                sink += run(selector, hosts, groupViews, specs, 0, decisions);
                decisions += specs.length;
            }
            rates[r] = decisions / ((System.nanoTime() - start) / 1e9);
            cpuRates[r] = decisions / ((cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            System.out.printf("round %d: %.0f decisions/s wall clock, %.0f per CPU-second%n", r + 1, rates[r], cpuRates[r]);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        System.out.printf("hosts=%d rounds=%d, one thread: median %.0f decisions/s wall clock (min %.0f, max %.0f), "
                        + "median %.0f decisions per CPU-second (%.0f us of CPU per decision) [%d]%n",
                hostCount, rounds, rates[rounds / 2], rates[0], rates[rounds - 1], cpuRates[rounds / 2],
                1e6 / cpuRates[rounds / 2], sink % 10);
    }

    /** Decides every spec once (or for warmupSeconds); returns a checksum so the work is not optimised away. */
    private static long run(HostSelector selector, List<HostState> hosts, List<List<HostState>> groupViews,
                            RequestSpec[] specs, double warmupSeconds, long salt) {
        long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long sum = salt;
        do {
            for (int i = 0; i < specs.length; i++) {
                RequestSpec s = specs[i];
                List<HostState> view = s.groupId() == null ? hosts : groupViews.get(i % groupViews.size());
                HostSelector.Selection sel = selector.select(view, s);
                sum += sel.ranked().isEmpty() ? 0 : sel.ranked().get(0).host().length();
            }
        } while (System.nanoTime() < until);
        return sum;
    }

    /** Hosts of 16..64 CPUs and 64..512 GiB in three zones, 0..90% used, a few disabled or down. */
    private static List<HostState> hosts(int n, Random random) {
        List<HostState> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int vcpus = 16 << random.nextInt(3);
            long memoryMb = 65536L << random.nextInt(4);
            long diskGb = 1000L << random.nextInt(3);
            double used = random.nextDouble() * 0.9;
            out.add(new HostState(String.format("host-%04d", i), "az" + (i % 3), "QEMU", "x86_64", vcpus,
                    (int) (vcpus * 16 * used), memoryMb, (long) (memoryMb * 1.5 * used), diskGb, (long) (diskGb * used),
                    16.0, 1.5, 1.0, random.nextInt(50) != 0, random.nextInt(50) != 0, 0, Set.of()));
        }
        return out;
    }

    /** The same hosts as a request of a group with members on 1..8 of them sees them. */
    private static List<HostState> withGroup(List<HostState> hosts, Random random) {
        Set<String> groupHosts = new HashSet<>();
        int members = 1 + random.nextInt(8);
        for (int i = 0; i < members; i++) {
            groupHosts.add(hosts.get(random.nextInt(hosts.size())).host());
        }
        List<HostState> out = new ArrayList<>(hosts.size());
        for (HostState h : hosts) {
            int here = groupHosts.contains(h.host()) ? 1 : 0;
            out.add(new HostState(h.host(), h.availabilityZone(), h.hypervisorType(), h.cpuArch(), h.vcpus(), h.vcpusUsed(),
                    h.memoryMb(), h.memoryMbUsed(), h.localGb(), h.localGbUsed(), h.cpuAllocationRatio(),
                    h.ramAllocationRatio(), h.diskAllocationRatio(), h.enabled(), h.up(), here, groupHosts));
        }
        return out;
    }

    private static RequestSpec spec(Random random) {
        String policy = POLICIES[random.nextInt(POLICIES.length)];
        String zone = random.nextInt(4) == 0 ? "az" + random.nextInt(3) : null;
        Map<String, String> image = random.nextBoolean() ? Map.of("hw_architecture", "x86_64") : Map.of();
        return new RequestSpec(UUID.randomUUID(), "p", FLAVORS[random.nextInt(FLAVORS.length)], image, zone,
                policy == null ? null : UUID.randomUUID(), policy, null, Set.of());
    }
}
