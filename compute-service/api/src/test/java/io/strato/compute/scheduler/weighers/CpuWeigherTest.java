package io.strato.compute.scheduler.weighers;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuWeigherTest {
    @Test
    void theWeightIsClaimableVcpusUnderTheRatio() {
        var w = new CpuWeigher(1.0);
        assertEquals(4 * 16.0 - 10, w.weigh(host("a").vcpus(4, 10).state(), spec(1, 512, 1)));
        assertEquals(1.0, w.multiplier());
    }
}
