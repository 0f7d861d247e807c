package io.strato.compute.scheduler;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.strato.compute.scheduler.plugins.SchedulerPlugins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;

/** A {@link SchedulerConfig} for tests without Quarkus: the service's real defaults, or other filter/weigher lists. */
public record TestConfig(List<String> enabledFilters, List<String> enabledWeighers, double ramWeightMultiplier,
                         double cpuWeightMultiplier, double softAffinityWeightMultiplier,
                         double softAntiAffinityWeightMultiplier) implements SchedulerConfig {

    /**
     * What the service runs with when nothing overrides it: {@link SchedulerConfig}'s {@code @WithDefault}s under
     * the module's application.properties, read by SmallRye Config as Quarkus reads them (not a copy of the lists).
     */
    public static TestConfig defaults() {
        return of(real());
    }

    /** The real mapping: the interface's defaults and application.properties, nothing else. */
    public static SchedulerConfig real() {
        URL properties = TestConfig.class.getResource("/application.properties");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(SchedulerConfig.class);
        if (properties != null) {
            try {
                builder.withSources(new PropertiesConfigSource(properties, 250));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(SchedulerConfig.class);
    }

    public static TestConfig of(SchedulerConfig c) {
        return new TestConfig(c.enabledFilters(), c.enabledWeighers(), c.ramWeightMultiplier(), c.cpuWeightMultiplier(),
                c.softAffinityWeightMultiplier(), c.softAntiAffinityWeightMultiplier());
    }

    public static HostSelector selector(SchedulerConfig c) {
        return new HostSelector(SchedulerPlugins.filters(c), SchedulerPlugins.weighers(c));
    }
}
