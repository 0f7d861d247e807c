package io.strato.network.agent.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConntrackZonesTest {

    @TempDir
    Path dir;

    @Test
    void aNetworkKeepsItsZoneAcrossRestartsAndTwoNetworksNeverShareOne() {
        UUID a = UUID.randomUUID();
        // b's id has a's hash: the same first choice
        UUID b = new UUID(a.getMostSignificantBits() ^ 1L, a.getLeastSignificantBits() ^ 1L);
        assertEquals(ConntrackZones.preferred(a), ConntrackZones.preferred(b));
        Path file = dir.resolve("conntrack-zones");

        Map<UUID, Integer> first = new ConntrackZones(file).assign(Set.of(a, b));
        assertNotEquals(first.get(a), first.get(b), "unique on the host");
        assertTrue(first.values().stream().allMatch(z -> z >= 1 && z <= 0xffff), "never the default zone 0: " + first);

        ConntrackZones restarted = new ConntrackZones(file);
        assertEquals(first, restarted.assign(Set.of(a, b)), "the same zones after a restart");

        Map<UUID, Integer> bLeft = restarted.assign(Set.of(a));
        assertEquals(Map.of(a, first.get(a)), bLeft);
        assertFalse(new ConntrackZones(file).assign(Set.of(a)).containsKey(b), "a network gone from the host is forgotten");
    }
}
