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

    public Selection select(List<HostState> hosts, RequestSpec spec) {
        List<HostState> left = new ArrayList<>(hosts.size());
        for (HostState h : hosts) {
            if (!spec.excludedHosts().contains(h.host())) {
                left.add(h);
            }
        }
        if (left.isEmpty()) {
            return new Selection(List.of(), "excluded hosts");
        }
        for (HostFilter f : filters) {
            List<HostState> passed = new ArrayList<>(left.size());
            for (HostState h : left) {
                if (f.passes(h, spec)) {
                    passed.add(h);
                }
            }
            if (passed.isEmpty()) {
                return new Selection(List.of(), f.name());
            }
            left = passed;
        }
        return new Selection(rank(left, spec), null);
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
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> total[i]).reversed());
        List<HostState> ranked = new ArrayList<>(n);
        for (Integer i : order) {
            ranked.add(hosts.get(i));
        }
        return ranked;
    }
}
