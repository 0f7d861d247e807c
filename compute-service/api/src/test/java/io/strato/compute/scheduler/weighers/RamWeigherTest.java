package io.strato.compute.scheduler.weighers;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RamWeigherTest {
    @Test
    void theWeightIsFreePhysicalRamAndTheMultiplierIsConfigured() {
        var w = new RamWeigher(2.5);
        assertEquals(6144, w.weigh(host("a").ram(8192, 2048).state(), spec(1, 512, 1)));
        assertEquals(-1024, w.weigh(host("a").ram(8192, 9216).state(), spec(1, 512, 1)), "overcommitted");
        assertEquals(2.5, w.multiplier());
        assertEquals("RAMWeigher", w.name());
    }
}
