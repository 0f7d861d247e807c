package io.strato.compute.hosts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The heartbeat clock's probes ({@link HeartbeatClock}, {@link HeartbeatProbe}). */
@ConfigMapping(prefix = "strato.compute.heartbeat-clock")
public interface HeartbeatClockConfig {
    /** How often each instance sends a probe; consuming one advances the clock by at most twice this. */
    @WithDefault("5s")
    Duration probeInterval();

    /** false stops this instance's periodic probe (tests that move the clock themselves). */
    @WithDefault("true")
    boolean probeEnabled();
}
