package io.strato.compute.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Nova's filter scheduler without I/O: drops excluded hosts, applies the filters in order, weighs the
 * survivors (each weigher min-max normalised to 0..1 over the survivors, times its multiplier, summed)
 * and ranks them, best first. Ties keep the input order (host name order from {@link HostStates}).
 */
public final class HostSelector {
    private static final Comparator<Weighed> BEST_FIRST = Comparator.comparingDouble(Weighed::weight).reversed();

    private final List<HostFilter> filters;
    private final List<HostWeigher> weighers;

    public HostSelector(List<HostFilter> filters, List<HostWeigher> weighers) {
        this.filters = List.copyOf(filters);
        this.weighers = List.copyOf(weighers);
    }

    /**
     * @param ranked   candidates, best first (empty when none fits)
     * @param emptiedBy the filter that removed the last candidates, for the log; null when some remain
     */
    public record Selection(List<HostState> ranked, String emptiedBy) {
    }

    private record Weighed(HostState host, double weight) {
    }

    public Selection select(List<HostState> hosts, RequestSpec spec) {
        // one pass, each host stopping at its first failing filter; the filter that left no host is the
        // furthest any host got (every host that passed the filters before it failed there or earlier)
        List<HostState> passed = new ArrayList<>();
        int furthest = -1;
        boolean considered = false;
        for (HostState h : hosts) {
            if (spec.excludedHosts().contains(h.host())) {
                continue;
            }
            considered = true;
            int failed = firstFailing(h, spec);
            if (failed < 0) {
                passed.add(h);
            } else {
                furthest = Math.max(furthest, failed);
            }
        }
        if (!passed.isEmpty()) {
            return new Selection(rank(passed, spec), null);
        }
        String emptiedBy = !considered ? (hosts.isEmpty() ? "no compute hosts" : "excluded hosts")
                : filters.get(furthest).name();
        return new Selection(List.of(), emptiedBy);
    }

    private int firstFailing(HostState h, RequestSpec spec) {
        for (int i = 0; i < filters.size(); i++) {
            if (!filters.get(i).passes(h, spec)) {
                return i;
            }
        }
        return -1;
    }

    private List<HostState> rank(List<HostState> hosts, RequestSpec spec) {
        int n = hosts.size();
        double[] total = new double[n];
        double[] raw = new double[n];
        for (HostWeigher w : weighers) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                raw[i] = w.weigh(hosts.get(i), spec);
                min = Math.min(min, raw[i]);
                max = Math.max(max, raw[i]);
            }
            if (max > min) { // all equal: every host gets 0, as Nova's normalize
                double range = max - min;
                for (int i = 0; i < n; i++) {
                    total[i] += w.multiplier() * ((raw[i] - min) / range);
                }
            }
        }
        Weighed[] weighed = new Weighed[n];
        for (int i = 0; i < n; i++) {
            weighed[i] = new Weighed(hosts.get(i), total[i]);
        }
        Arrays.sort(weighed, BEST_FIRST); // stable: ties keep host order
        List<HostState> ranked = new ArrayList<>(n);
        for (Weighed w : weighed) {
            ranked.add(w.host());
        }
        return ranked;
    }
}
