package io.strato.network.floatingips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.kit.faults.ApiException;
import io.strato.network.routers.Topology;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which fixed address a floating IP maps to. */
class InternalAddressTest {
    private static final UUID PORT = UUID.randomUUID();
    private static final UUID V4A = UUID.randomUUID();
    private static final UUID V4B = UUID.randomUUID();
    private static final UUID V6 = UUID.randomUUID();

    private static Topology.Address at(UUID subnet, String ip) {
        return new Topology.Address(PORT, subnet, ip);
    }

    private static String refused(List<Topology.Address> addresses, String requested) {
        ApiException e = assertThrows(ApiException.class, () -> InternalAddress.choose(PORT, addresses, requested));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void thePortsOnlyIpv4AddressWhenNoneIsAskedFor() {
        var v4 = at(V4A, "10.0.1.5");
        assertEquals(v4, InternalAddress.choose(PORT, List.of(at(V6, "2001:db8::5"), v4), null));
    }

    @Test
    void theAddressAskedForWhenThePortHasIt() {
        var b = at(V4B, "10.0.2.5");
        assertEquals(b, InternalAddress.choose(PORT, List.of(at(V4A, "10.0.1.5"), b), "10.0.2.5"));
    }

    @Test
    void severalIpv4AddressesNeedOneToBeNamed() {
        assertTrue(refused(List.of(at(V4A, "10.0.1.5"), at(V4B, "10.0.2.5")), null)
                .contains("has multiple fixed IPv4 addresses"));
    }

    @Test
    void anAddressThePortDoesNotHaveIsRefused() {
        assertTrue(refused(List.of(at(V4A, "10.0.1.5")), "10.0.1.6").contains("does not have fixed ip 10.0.1.6"));
    }

    @Test
    void ipv6IsNeverTheFixedSide() {
        assertTrue(refused(List.of(at(V6, "2001:db8::5")), "2001:db8::5").contains("not an IPv4 address"));
        assertTrue(refused(List.of(at(V6, "2001:db8::5")), null).contains("no fixed IPv4 addresses"));
        assertTrue(refused(List.of(), null).contains("no fixed IPv4 addresses"));
    }
}
