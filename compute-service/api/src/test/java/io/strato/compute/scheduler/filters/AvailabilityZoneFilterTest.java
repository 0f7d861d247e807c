package io.strato.compute.scheduler.filters;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.inZone;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AvailabilityZoneFilterTest {
    private final AvailabilityZoneFilter filter = new AvailabilityZoneFilter();

    @Test
    void noRequestedZoneAcceptsEveryZone() {
        assertTrue(filter.passes(host("a").zone("az2").state(), inZone(null)));
        assertTrue(filter.passes(host("a").zone("az2").state(), inZone("")));
    }

    @Test
    void onlyHostsOfTheRequestedZonePass() {
        assertTrue(filter.passes(host("a").zone("az1").state(), inZone("az1")));
        assertFalse(filter.passes(host("b").zone("az2").state(), inZone("az1")));
    }

    @Test
    void zoneColonHostPinsOneHostOfThatZone() {
        assertTrue(filter.passes(host("a").zone("az1").state(), inZone("az1:a")));
        assertFalse(filter.passes(host("b").zone("az1").state(), inZone("az1:a")));
        assertFalse(filter.passes(host("a").zone("az2").state(), inZone("az1:a")));
        assertTrue(filter.passes(host("a").zone("az2").state(), inZone(":a")));
        assertTrue(filter.passes(host("a").zone("az1").state(), inZone("az1:a:node")));
    }
}
