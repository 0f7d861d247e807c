package io.strato.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.ApiException;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import io.strato.network.api.NeutronType;
import io.vertx.core.json.JsonArray;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * IPAM against the real schema: pool order, the gateway kept out, exhaustion, reuse after release,
 * chosen addresses, IPv6 (pooled and SLAAC), a /8 served without reading it, and an allocation that does not
 * wait for another transaction's.
 */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class IpamTest {
    @Inject
    Ipam ipam;

    private final UUID network = UUID.randomUUID();

    @Test
    void addressesComeFromThePoolInOrderAndNeverTheGateway() throws Throwable {
        AddressSpace s = subnet("10.1.0.0/24", "10.1.0.1", null, null);
        assertEquals("10.1.0.2", one(s));
        assertEquals("10.1.0.3", one(s));
    }

    @Test
    void givenPoolsAreWalkedInTheirOrderUntilTheNetworkIsExhausted() throws Throwable {
        AddressSpace s = subnet("10.2.0.0/24", "10.2.0.1",
                List.of(Map.of("start", "10.2.0.100", "end", "10.2.0.101"), Map.of("start", "10.2.0.10", "end", "10.2.0.11")), null);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(one(s));
        }
        assertEquals(List.of("10.2.0.100", "10.2.0.101", "10.2.0.10", "10.2.0.11"), got);
        ApiException e = assertThrows(ApiException.class, () -> one(s));
        assertEquals("IpAddressGenerationFailure", ((NeutronType) e).neutronType());
        assertEquals(409, e.status());
        assertEquals("No more IP addresses available on network " + network + ".", e.getMessage());
    }

    @Test
    void aReleasedAddressIsHandedOutAgain() throws Throwable {
        AddressSpace s = subnet("10.3.0.0/29", "10.3.0.1", null, null);
        UUID first = port();
        UUID second = port();
        UUID third = port();
        assertEquals("10.3.0.2", allocate(s, first, List.of()).get(0).ip());
        assertEquals("10.3.0.3", allocate(s, second, List.of()).get(0).ip());
        assertEquals("10.3.0.4", allocate(s, third, List.of()).get(0).ip());
        tx(session -> ipam.release(session, second));
        assertEquals("10.3.0.3", one(s));
        assertEquals("10.3.0.5", one(s));
        assertEquals("10.3.0.6", one(s));
        assertThrows(ApiException.class, () -> one(s));
    }

    @Test
    void aChosenAddressMayLieOutsideThePoolsButIsNeverHandedOutTwice() throws Throwable {
        AddressSpace s = subnet("10.4.0.0/24", "10.4.0.1", List.of(Map.of("start", "10.4.0.2", "end", "10.4.0.100")), null);
        assertEquals("10.4.0.250", allocate(s, port(), List.of(new Address(s.subnetId(), "10.4.0.250"))).get(0).ip());
        assertType("IpAddressAlreadyAllocated", 409, () -> allocate(s, port(), List.of(new Address(s.subnetId(), "10.4.0.250"))));
        assertType("IpAddressAlreadyAllocated", 409, () -> allocate(s, port(), List.of(new Address(null, "10.4.0.250"))));
        assertType("InvalidIpForSubnet", 400, () -> allocate(s, port(), List.of(new Address(s.subnetId(), "10.4.0.0"))));
        assertType("InvalidIpForSubnet", 400, () -> allocate(s, port(), List.of(new Address(s.subnetId(), "10.4.0.255"))));
        assertType("InvalidIpForNetwork", 400, () -> allocate(s, port(), List.of(new Address(null, "10.9.9.9"))));
        assertType("SubnetNotFound", 404, () -> allocate(s, port(), List.of(new Address(UUID.randomUUID(), null))));
        // an address the pool would give next, taken by choice, is skipped
        allocate(s, port(), List.of(new Address(s.subnetId(), "10.4.0.2")));
        assertEquals("10.4.0.3", one(s));
    }

    @Test
    void ipv6AddressesAreAllocatedSequentiallyFromThePool() throws Throwable {
        AddressSpace s = subnet("2001:db8:5::/64", "2001:db8:5::1", null, null);
        assertEquals("2001:db8:5::2", one(s));
        assertEquals("2001:db8:5::3", one(s));
        assertEquals("2001:db8:5::abcd", allocate(s, port(), List.of(new Address(s.subnetId(), "2001:DB8:5:0::ABCD"))).get(0).ip());
    }

    @Test
    void slaacPortsGetTheirEui64Address() throws Throwable {
        AddressSpace s = subnet("2001:db8:6::/64", "2001:db8:6::1", null, "slaac");
        UUID p = port("fa:16:3e:12:34:56");
        List<Address> got = tx(session -> ipam.allocate(session, network, List.of(s), List.of(), p, "fa:16:3e:12:34:56", ""));
        // RFC 5952: a single zero group is written out, not shortened to ::
        assertEquals(List.of(new Address(s.subnetId(), "2001:db8:6:0:f816:3eff:fe12:3456")), got);
    }

    @Test
    void withNoAddressAskedForAPortGetsOneIpv4AndOneIpv6Address() throws Throwable {
        AddressSpace v4full = subnet("10.7.0.0/30", "10.7.0.1", null, null);
        AddressSpace v4 = subnet("10.7.1.0/24", "10.7.1.1", null, null);
        AddressSpace v6 = subnet("2001:db8:7::/64", "2001:db8:7::1", null, null);
        one(v4full);
        UUID p = port();
        List<Address> got = tx(session -> ipam.allocate(session, network, List.of(v4full, v4, v6), List.of(), p, mac(), ""));
        assertEquals(List.of(new Address(v4.subnetId(), "10.7.1.2"), new Address(v6.subnetId(), "2001:db8:7::2")), got);
    }

    @Test
    void replacingAddressesKeepsTheRequestedOnesAndFreesTheRest() throws Throwable {
        AddressSpace s = subnet("10.8.0.0/24", "10.8.0.1", null, null);
        UUID p = port();
        allocate(s, p, List.of(new Address(s.subnetId(), "10.8.0.10"), new Address(s.subnetId(), "10.8.0.11")));
        List<Address> now = tx(session -> ipam.replace(session, network, List.of(s),
                List.of(new Address(s.subnetId(), null), new Address(null, "10.8.0.11")), p, mac(), ""));
        // the named address is kept first, then the subnet-only entry keeps the port's other address there
        assertEquals(java.util.Set.of(new Address(s.subnetId(), "10.8.0.11"), new Address(s.subnetId(), "10.8.0.10")),
                java.util.Set.copyOf(now));
        List<Address> moved = tx(session -> ipam.replace(session, network, List.of(s),
                List.of(new Address(s.subnetId(), "10.8.0.20")), p, mac(), ""));
        assertEquals(List.of(new Address(s.subnetId(), "10.8.0.20")), moved);
        assertEquals(moved, tx(session -> ipam.ofPort(session, p)));
        assertEquals("10.8.0.2", one(s));
        assertEquals("10.8.0.10", allocate(s, port(), List.of(new Address(s.subnetId(), "10.8.0.10"))).get(0).ip());
        assertEquals("10.8.0.11", allocate(s, port(), List.of(new Address(s.subnetId(), "10.8.0.11"))).get(0).ip());
    }

    @Test
    void aSlash8IsServedWithoutReadingIt() throws Throwable {
        AddressSpace s = subnet("10.0.0.0/8", "10.0.0.1", null, null);
        assertEquals("10.0.0.2", one(s));
        assertEquals("10.0.0.3", one(s));
        assertEquals("10.255.255.254", allocate(s, port(), List.of(new Address(s.subnetId(), "10.255.255.254"))).get(0).ip());
        assertEquals("10.0.0.4", one(s));
    }

    @Test
    void anAllocationDoesNotWaitForAnotherTransactionTakingAnAddressOfTheSameSubnet() throws Throwable {
        AddressSpace s = subnet("10.6.0.0/24", "10.6.0.1", null, null);
        UUID holder = port();
        UUID other = port();
        UUID third = port();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        CompletableFuture<List<Address>> held = new CompletableFuture<>();
        // the first transaction takes .2 and stays open until the gate opens
        CompletableFuture<List<Address>> first = elsewhere(() -> tx(session -> ipam.allocate(session, network, List.of(s),
                        List.of(), holder, mac(), "")
                .invoke(held::complete).call(() -> {
                    // the session's work goes on on its own Vert.x context, whichever thread opens the gate
                    io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
                    return Uni.createFrom().completionStage(gate).emitOn(r -> context.runOnContext(v -> r.run()));
                })));
        first.whenComplete((done, failed) -> {
            if (failed != null) {
                held.completeExceptionally(failed);
            }
        });
        try {
            assertEquals("10.6.0.2", held.get(30, TimeUnit.SECONDS).get(0).ip());
            // meanwhile: the next free address at once (the subnet is shared, .2 is passed over, not waited for),
            // and .2 asked for by name is refused at once rather than waited for
            List<Address> next = elsewhere(() -> allocate(s, other, List.of())).get(20, TimeUnit.SECONDS);
            assertEquals("10.6.0.3", next.get(0).ip());
            ExecutionException refused = assertThrows(ExecutionException.class, () -> elsewhere(() ->
                    allocate(s, third, List.of(new Address(s.subnetId(), "10.6.0.2")))).get(20, TimeUnit.SECONDS));
            ApiException e = (ApiException) refused.getCause().getCause();
            assertEquals("IpAddressAlreadyAllocated", ((NeutronType) e).neutronType(), e.getMessage());
        } finally {
            gate.complete(null);
        }
        assertEquals("10.6.0.2", first.get(30, TimeUnit.SECONDS).get(0).ip());
        assertEquals("10.6.0.4", allocate(s, third, List.of()).get(0).ip());
    }

    // ---- fixtures: rows written straight into the schema ----

    private String one(AddressSpace s) throws Throwable {
        return allocate(s, port(), List.of(new Address(s.subnetId(), null))).get(0).ip();
    }

    private List<Address> allocate(AddressSpace s, UUID port, List<Address> requests) throws Throwable {
        return tx(session -> ipam.allocate(session, network, List.of(s), requests, port, mac(), ""));
    }

    private AddressSpace subnet(String cidr, String gateway, List<Map<String, String>> pools, String mode) throws Throwable {
        ensureNetwork();
        var block = Addresses.parseCidr(cidr);
        List<Map<String, String>> p = pools != null ? pools : AllocationPools.defaults(block, Addresses.parse(gateway));
        UUID id = UUID.randomUUID();
        JsonArray json = new JsonArray();
        p.forEach(m -> json.add(new io.vertx.core.json.JsonObject(new java.util.LinkedHashMap<>(m))));
        int version = block.isIPv4() ? 4 : 6;
        tx(session -> session.createNativeQuery("INSERT INTO subnet (id, project_id, network_id, ip_version, cidr, gateway_ip, "
                        + "allocation_pools, ipv6_address_mode) VALUES (:id, 'ipam-test', :n, :v, :c, :g, CAST(CAST(:p AS text) AS jsonb), :m)")
                .setParameter("id", id).setParameter("n", network).setParameter("v", version).setParameter("c", cidr)
                .setParameter("g", gateway).setParameter("p", json.encode()).setParameter("m", mode).executeUpdate());
        return new AddressSpace(id, version, cidr, p, mode != null);
    }

    private boolean networkMade;

    private void ensureNetwork() throws Throwable {
        if (!networkMade) {
            tx(session -> session.createNativeQuery("INSERT INTO network (id, project_id, network_type) VALUES (:id, 'ipam-test', 'vxlan')")
                    .setParameter("id", network).executeUpdate());
            networkMade = true;
        }
    }

    private UUID port() throws Throwable {
        return port(mac());
    }

    private UUID port(String mac) throws Throwable {
        UUID id = UUID.randomUUID();
        tx(session -> session.createNativeQuery("INSERT INTO port (id, project_id, network_id, mac_address) VALUES (:id, 'ipam-test', :n, :m)")
                .setParameter("id", id).setParameter("n", network).setParameter("m", mac).executeUpdate());
        return id;
    }

    private static String mac() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return "fa:16:3e:" + hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6);
    }

    private static <T> T tx(Function<Mutiny.Session, Uni<T>> work) throws Throwable {
        return VertxContextSupport.<T>subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> work.apply(s))));
    }

    /** {@code work} on another thread (so in a transaction of its own), its failure wrapped once. */
    private static <T> CompletableFuture<T> elsewhere(org.junit.jupiter.api.function.ThrowingSupplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void assertType(String type, int status, org.junit.jupiter.api.function.Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(type, ((NeutronType) e).neutronType(), e.getMessage());
        assertEquals(status, e.status());
    }
}
