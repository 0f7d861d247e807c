package io.strato.compute.scheduler.plugins;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostSelector;
import io.strato.compute.scheduler.HostWeigher;
import io.strato.compute.scheduler.SchedulerConfig;
import io.strato.compute.scheduler.filters.AvailabilityZoneFilter;
import io.strato.compute.scheduler.filters.ComputeFilter;
import io.strato.compute.scheduler.filters.CoreFilter;
import io.strato.compute.scheduler.filters.DiskFilter;
import io.strato.compute.scheduler.filters.ImagePropertiesFilter;
import io.strato.compute.scheduler.filters.RamFilter;
import io.strato.compute.scheduler.filters.ServerGroupAffinityFilter;
import io.strato.compute.scheduler.filters.ServerGroupAntiAffinityFilter;
import io.strato.compute.scheduler.weighers.CpuWeigher;
import io.strato.compute.scheduler.weighers.RamWeigher;
import io.strato.compute.scheduler.weighers.ServerGroupSoftAffinityWeigher;
import io.strato.compute.scheduler.weighers.ServerGroupSoftAntiAffinityWeigher;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every filter and weigher Strato has, and the enabled ones chosen by name from the configuration. It produces
 * the scheduler's {@link HostSelector}, so that scheduler/ knows the plugin interfaces only, not the plugins
 * (filters/ and weighers/ implement scheduler/'s interfaces: the other direction would be a cycle).
 */
public final class SchedulerPlugins {
    private SchedulerPlugins() {
    }

    /** The selector of the enabled plugins; an unknown name or a negative soft-affinity multiplier stops the start. */
    @Dependent
    static final class Producer {
        @Produces
        @Singleton
        HostSelector selector(SchedulerConfig config) {
            return new HostSelector(filters(config), weighers(config));
        }
    }

    public static List<HostFilter> allFilters() {
        return List.of(new ComputeFilter(), new AvailabilityZoneFilter(), new RamFilter(), new CoreFilter(),
                new DiskFilter(), new ServerGroupAffinityFilter(), new ServerGroupAntiAffinityFilter(),
                new ImagePropertiesFilter());
    }

    public static List<HostWeigher> allWeighers(SchedulerConfig c) {
        return List.of(new RamWeigher(c.ramWeightMultiplier()), new CpuWeigher(c.cpuWeightMultiplier()),
                new ServerGroupSoftAffinityWeigher(c.softAffinityWeightMultiplier()),
                new ServerGroupSoftAntiAffinityWeigher(c.softAntiAffinityWeightMultiplier()));
    }

    /** The enabled filters, in the configured order; an unknown name stops the service at start. */
    public static List<HostFilter> filters(SchedulerConfig c) {
        return pick("filter", c.enabledFilters(), allFilters(), HostFilter::name);
    }

    public static List<HostWeigher> weighers(SchedulerConfig c) {
        if (c.softAffinityWeightMultiplier() < 0 || c.softAntiAffinityWeightMultiplier() < 0) {
            throw new IllegalArgumentException("strato.compute.scheduler.soft-*-weight-multiplier must not be negative");
        }
        return pick("weigher", c.enabledWeighers(), allWeighers(c), HostWeigher::name);
    }

    private static <T> List<T> pick(String kind, List<String> names, List<T> all, Function<T, String> nameOf) {
        Map<String, T> byName = new LinkedHashMap<>();
        all.forEach(p -> byName.put(nameOf.apply(p).toLowerCase(Locale.ROOT), p));
        List<T> out = new ArrayList<>();
        for (String n : names) {
            T p = byName.get(n.trim().toLowerCase(Locale.ROOT));
            if (p == null) {
                throw new IllegalArgumentException("unknown scheduler " + kind + " '" + n.trim() + "'; known: "
                        + all.stream().map(nameOf).toList());
            }
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
