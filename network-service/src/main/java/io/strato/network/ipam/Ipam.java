package io.strato.network.ipam;

import inet.ipaddr.IPAddress;
import io.smallrye.mutiny.Uni;
import io.strato.network.api.Ids;
import io.strato.network.api.Neutron;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Hands out fixed IPs, without making concurrent allocations on one subnet wait for each other:
 * <ul>
 *   <li>each subnet an allocation touches is locked {@code FOR SHARE} (in id order) until the transaction ends, so
 *       its pools do not change and it is not deleted under the allocation (subnet update and delete take it
 *       {@code FOR UPDATE}), while allocations share it;</li>
 *   <li>a free address is chosen and recorded in one statement that skips the addresses other transactions are
 *       taking: each candidate is claimed with a transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}
 *       on network and address, held until commit or rollback), and one another transaction holds is passed over
 *       instead of waited for, so a burst of creates gets consecutive addresses at once;</li>
 *   <li>the primary key of {@code ip_allocation} (network, address) is what makes the answer right: whatever
 *       happens above it, one address is never recorded twice on a network. An address another transaction
 *       committed between this statement's snapshot and its advisory lock is refused by that key
 *       ({@code ON CONFLICT DO NOTHING}) and the statement runs again, with a fresh snapshot;</li>
 *   <li>a given address (a requested fixed IP, an EUI-64 one) takes the same advisory lock, and one another
 *       transaction is taking is refused at once ({@code IpAddressAlreadyAllocated}) rather than waited for: an
 *       allocation never waits on another transaction, which matters since a port create takes its project's quota
 *       lock last (a floating IP create takes it first, then its address).</li>
 * </ul>
 *
 * <p>The free address is found in SQL, by walking the subnet's allocations in address order (an index on the
 * address as inet): the lowest address of a pool that is not taken, or an address after a taken one. Nothing
 * proportional to the size of the subnet is read, so a /8 costs what its ports cost. All methods run in the
 * caller's transaction.
 *
 * <p>Why one class of this length: allocation, release and the free-address search share the subnet
 * locks and their order; split apart, the lock order would be a convention between classes.
 */
@ApplicationScoped
public class Ipam {

    private enum Kind { GIVEN, ANY, EUI64 }

    /** How often a pool is searched again when the address chosen was taken under the search (see {@link #FIRST_FREE}). */
    private static final int ATTEMPTS = 16;

    /**
     * Records the lowest free address of a pool that no other transaction is taking, and answers how many gaps the
     * pool had (0: it is full), the address chosen (null: every candidate was being taken) and the address recorded
     * (null: another transaction committed the chosen one first). Parameters {@code :n} (network), {@code :key} (the
     * network's id and a slash, the advisory lock's prefix), {@code :s} (subnet), {@code :p} (port), {@code :start} and {@code :end} (the pool, both included).
     *
     * <p>{@code gaps}: the pool's first address and each held address's successor that nothing holds, the lowest
     * 32 (walked through the inet index). {@code free}: those and the 31 addresses after each, held by nothing this
     * statement sees, lowest first; addresses that uncommitted transactions inserted are among them. {@code pick}:
     * the first of those whose advisory lock this transaction gets; the lock is tried row by row and the search
     * stops at the first one taken (the subquery fence keeps the try after the free check).
     */
    private static final String FIRST_FREE = "WITH gaps AS (SELECT g.c FROM (SELECT CAST(CAST(:start AS text) AS inet) AS c "
            + "UNION ALL SELECT CAST(a.ip_address AS inet) + 1 FROM ip_allocation a WHERE a.subnet_id = :s "
            + "AND CAST(a.ip_address AS inet) >= CAST(CAST(:start AS text) AS inet) "
            + "AND CAST(a.ip_address AS inet) < CAST(CAST(:end AS text) AS inet)) g "
            + "WHERE NOT EXISTS (SELECT 1 FROM ip_allocation b WHERE b.subnet_id = :s AND CAST(b.ip_address AS inet) = g.c) "
            + "ORDER BY g.c LIMIT 32), "
            + "free AS (SELECT x.c FROM (SELECT DISTINCT gaps.c + k AS c FROM gaps CROSS JOIN generate_series(0, 31) AS k "
            + "WHERE gaps.c + k <= CAST(CAST(:end AS text) AS inet) ORDER BY 1) x "
            + "WHERE NOT EXISTS (SELECT 1 FROM ip_allocation b WHERE b.subnet_id = :s AND CAST(b.ip_address AS inet) = x.c) "
            + "OFFSET 0), "
            + "pick AS (SELECT free.c FROM free "
            + "WHERE pg_try_advisory_xact_lock(hashtextextended(CAST(:key AS text) || host(free.c), 0)) LIMIT 1), "
            + "taken AS (INSERT INTO ip_allocation (network_id, subnet_id, ip_address, port_id) "
            + "SELECT :n, :s, host(pick.c), :p FROM pick ON CONFLICT (network_id, ip_address) DO NOTHING RETURNING ip_address) "
            + "SELECT (SELECT count(*) FROM gaps), (SELECT host(pick.c) FROM pick), (SELECT taken.ip_address FROM taken)";

    private record Planned(AddressSpace space, String ip, Kind kind) {
    }

    /**
     * Allocates a port's addresses.
     *
     * @param subnets  the network's subnets, oldest first
     * @param requests the requested fixed IPs; empty for Neutron's default (one IPv4 address from the first
     *                 IPv4 subnet with a free one, the same for IPv6, and an EUI-64 address on every
     *                 SLAAC subnet)
     * @return the addresses now held by the port
     */
    public Uni<List<Address>> allocate(Mutiny.Session s, UUID networkId, List<AddressSpace> subnets, List<Address> requests,
                                       UUID portId, String mac, String deviceOwner) {
        if (requests == null || requests.isEmpty()) {
            return lock(s, subnets).chain(() -> defaults(s, networkId, subnets, portId, mac));
        }
        return plan(s, networkId, subnets, requests, mac, deviceOwner).flatMap(planned ->
                lock(s, planned.stream().map(Planned::space).toList()).chain(() -> take(s, networkId, planned, portId)));
    }

    /**
     * Replaces a port's addresses with {@code requests} (a port update's {@code fixed_ips}): requested
     * addresses the port holds are kept (an entry naming only a subnet keeps the port's address there),
     * the others it holds are freed, then the rest are allocated.
     */
    public Uni<List<Address>> replace(Mutiny.Session s, UUID networkId, List<AddressSpace> subnets, List<Address> requests,
                                      UUID portId, String mac, String deviceOwner) {
        return ofPort(s, portId).flatMap(held -> {
            // as Neutron's _get_changed_ips_for_port: entries naming an address first, then entries naming
            // only a subnet take one of the port's remaining addresses there
            List<Address> kept = new ArrayList<>();
            List<Address> wanted = new ArrayList<>();
            for (Address r : requests) {
                if (r.ip() == null) {
                    continue;
                }
                String ip = canonicalOrFail(r.ip());
                held.stream().filter(h -> !kept.contains(h) && h.ip().equals(ip)
                                && (r.subnetId() == null || h.subnetId().equals(r.subnetId())))
                        .findFirst().ifPresentOrElse(kept::add, () -> wanted.add(r));
            }
            for (Address r : requests) {
                if (r.ip() != null) {
                    continue;
                }
                held.stream().filter(h -> !kept.contains(h) && h.subnetId().equals(r.subnetId()))
                        .findFirst().ifPresentOrElse(kept::add, () -> wanted.add(r));
            }
            List<Address> freed = held.stream().filter(h -> !kept.contains(h)).toList();
            Uni<Void> release = Uni.createFrom().voidItem();
            for (Address f : freed) {
                release = release.chain(() -> s.createNativeQuery(
                                "DELETE FROM ip_allocation WHERE port_id = :p AND network_id = :n AND ip_address = :ip")
                        .setParameter("p", portId).setParameter("n", networkId).setParameter("ip", f.ip())
                        .executeUpdate().replaceWithVoid());
            }
            if (wanted.isEmpty()) {
                return release.replaceWith(kept);
            }
            return release.chain(() -> plan(s, networkId, subnets, wanted, mac, deviceOwner)).flatMap(planned ->
                            lock(s, planned.stream().map(Planned::space).toList()).chain(() -> take(s, networkId, planned, portId)))
                    .map(added -> {
                        List<Address> all = new ArrayList<>(kept);
                        all.addAll(added);
                        return all;
                    });
        });
    }

    /** Frees every address of a port. */
    public Uni<Void> release(Mutiny.Session s, UUID portId) {
        return s.createNativeQuery("DELETE FROM ip_allocation WHERE port_id = :p").setParameter("p", portId)
                .executeUpdate().replaceWithVoid();
    }

    /** A port's addresses, IPv4 first, then in address order. */
    public Uni<List<Address>> ofPort(Mutiny.Session s, UUID portId) {
        return ofPorts(s, List.of(portId)).map(m -> m.getOrDefault(portId, List.of()));
    }

    /** The addresses of many ports at once (one query for a whole page of a port list). */
    public Uni<Map<UUID, List<Address>>> ofPorts(Mutiny.Session s, Collection<UUID> portIds) {
        if (portIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return s.createNativeQuery("SELECT port_id, subnet_id, ip_address FROM ip_allocation "
                        + "WHERE port_id = ANY(CAST(string_to_array(:ids, ',') AS uuid[])) "
                        + "ORDER BY family(CAST(ip_address AS inet)), CAST(ip_address AS inet)", Object[].class)
                .setParameter("ids", Ids.sqlArray(portIds)).getResultList()
                .map(rows -> {
                    Map<UUID, List<Address>> out = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new Address((UUID) r[1], (String) r[2]));
                    }
                    return out;
                });
    }

    /** Whether any address of the subnet is held. */
    public Uni<Boolean> inUse(Mutiny.Session s, UUID subnetId) {
        return s.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM ip_allocation WHERE subnet_id = :s LIMIT 1) x", Long.class)
                .setParameter("s", subnetId).getSingleResult().map(n -> n > 0);
    }

    /**
     * Locks the subnets' rows {@code FOR SHARE} until the transaction ends, in id order: allocations share them,
     * a subnet's update or delete ({@code FOR UPDATE}) waits for them and they for it.
     */
    public Uni<Void> lock(Mutiny.Session s, Collection<AddressSpace> spaces) {
        Set<UUID> ids = new TreeSet<>(Comparator.comparing(UUID::toString));
        spaces.forEach(sp -> ids.add(sp.subnetId()));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            chain = chain.chain(() -> s.createNativeQuery("SELECT id FROM subnet WHERE id = :id FOR SHARE", UUID.class)
                    .setParameter("id", id).getResultList().replaceWithVoid());
        }
        return chain;
    }

    private Uni<List<Planned>> plan(Mutiny.Session s, UUID networkId, List<AddressSpace> subnets, List<Address> requests,
                                   String mac, String deviceOwner) {
        Map<UUID, AddressSpace> byId = subnets.stream().collect(Collectors.toMap(AddressSpace::subnetId, Function.identity()));
        List<Planned> planned = new ArrayList<>();
        Set<String> ips = new HashSet<>();
        List<UUID> foreign = new ArrayList<>();
        for (Address r : requests) {
            if (r.subnetId() == null && r.ip() == null) {
                throw Neutron.invalid("A fixed IP needs a subnet_id or an ip_address.");
            }
            String ip = r.ip() == null ? null : canonicalOrFail(r.ip());
            if (ip != null && !ips.add(ip)) {
                throw Neutron.invalid("Duplicate IP address '" + ip + "'");
            }
            AddressSpace space;
            if (r.subnetId() != null) {
                space = byId.get(r.subnetId());
                if (space == null) {
                    foreign.add(r.subnetId());
                    continue;
                }
                if (ip != null && !space.validForPort(Addresses.parse(ip), deviceOwner)) {
                    throw Neutron.badRequest("InvalidIpForSubnet", "IP address " + ip + " is not a valid IP for the specified subnet.");
                }
            } else {
                IPAddress a = Addresses.parse(ip);
                space = subnets.stream().filter(sp -> sp.validForPort(a, deviceOwner)).findFirst().orElseThrow(() ->
                        Neutron.badRequest("InvalidIpForNetwork", "IP address " + ip + " is not a valid IP for any of the subnets on the specified network."));
            }
            if (ip != null) {
                planned.add(new Planned(space, ip, Kind.GIVEN));
            } else if (space.autoAddressed() && space.block().getNetworkPrefixLength() == 64) {
                planned.add(new Planned(space, Addresses.eui64(space.block(), mac), Kind.EUI64));
            } else {
                planned.add(new Planned(space, null, Kind.ANY));
            }
        }
        if (foreign.isEmpty()) {
            return Uni.createFrom().item(planned);
        }
        UUID subnetId = foreign.get(0);
        // a subnet of another network is a bad request; one that does not exist at all is a 404
        return s.createNativeQuery("SELECT count(*) FROM subnet WHERE id = :id", Long.class).setParameter("id", subnetId)
                .getSingleResult().map(n -> {
                    if (n == 0) {
                        throw Neutron.notFound("Subnet", subnetId);
                    }
                    throw Neutron.invalid("Failed to create port on network " + networkId
                            + ", because fixed_ips included invalid subnet " + subnetId);
                });
    }

    private Uni<List<Address>> take(Mutiny.Session s, UUID networkId, List<Planned> planned, UUID portId) {
        List<Address> out = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Planned p : planned) {
            chain = chain.chain(() -> (p.kind() == Kind.ANY
                    ? takeFirstFree(s, networkId, p.space(), portId).onItem().ifNull().failWith(() -> exhausted(networkId))
                    : takeGiven(s, networkId, p, portId))
                    .invoke(ip -> out.add(new Address(p.space().subnetId(), ip))).replaceWithVoid());
        }
        return chain.replaceWith(out);
    }

    private Uni<List<Address>> defaults(Mutiny.Session s, UUID networkId, List<AddressSpace> subnets, UUID portId, String mac) {
        List<AddressSpace> v4 = subnets.stream().filter(sp -> sp.ipVersion() == 4).toList();
        List<AddressSpace> v6Slaac = subnets.stream().filter(sp -> sp.ipVersion() == 6 && sp.autoAddressed()
                && sp.block().getNetworkPrefixLength() == 64).toList();
        List<AddressSpace> v6Pooled = subnets.stream().filter(sp -> sp.ipVersion() == 6 && !v6Slaac.contains(sp)).toList();
        List<Address> out = new ArrayList<>();
        Uni<Void> chain = firstOf(s, networkId, v4, portId, out).chain(() -> firstOf(s, networkId, v6Pooled, portId, out));
        for (AddressSpace sp : v6Slaac) {
            chain = chain.chain(() -> takeGiven(s, networkId, new Planned(sp, Addresses.eui64(sp.block(), mac), Kind.EUI64), portId)
                    .invoke(ip -> out.add(new Address(sp.subnetId(), ip))).replaceWithVoid());
        }
        return chain.replaceWith(out);
    }

    /** One address from the first of {@code spaces} that has a free one; none of them having one is a 409. */
    private Uni<Void> firstOf(Mutiny.Session s, UUID networkId, List<AddressSpace> spaces, UUID portId, List<Address> out) {
        if (spaces.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        AddressSpace sp = spaces.get(0);
        return takeFirstFree(s, networkId, sp, portId).flatMap(ip -> {
            if (ip != null) {
                out.add(new Address(sp.subnetId(), ip));
                return Uni.createFrom().voidItem();
            }
            return spaces.size() == 1 ? Uni.createFrom().failure(exhausted(networkId))
                    : firstOf(s, networkId, spaces.subList(1, spaces.size()), portId, out);
        });
    }

    /**
     * Records a chosen address in one statement; 409 IpAddressAlreadyAllocated when the network holds it or another
     * transaction is taking it (its advisory lock is held: refused at once rather than waited for, so that no create
     * waits here on a transaction that may itself be waiting, at its end, for a quota lock this one holds).
     */
    private static Uni<String> takeGiven(Mutiny.Session s, UUID networkId, Planned p, UUID portId) {
        return s.createNativeQuery("INSERT INTO ip_allocation (network_id, subnet_id, ip_address, port_id) "
                        + "SELECT :n, :s, :ip, :p WHERE pg_try_advisory_xact_lock(hashtextextended(CAST(:key AS text) || CAST(:lockedIp AS text), 0)) "
                        + "ON CONFLICT (network_id, ip_address) DO NOTHING")
                .setParameter("n", networkId).setParameter("s", p.space().subnetId()).setParameter("ip", p.ip())
                .setParameter("p", portId).setParameter("key", networkId + "/").setParameter("lockedIp", p.ip())
                .executeUpdate().map(inserted -> {
                    if (inserted == 0) {
                        throw Neutron.conflict("IpAddressAlreadyAllocated",
                                "IP address " + p.ip() + " already allocated in subnet " + p.space().subnetId());
                    }
                    return p.ip();
                });
    }

    /**
     * Records the first free address of the subnet's pools (in pool order) that no other transaction is taking,
     * for the port; null when every pool is full. PostgreSQL writes the address ({@code host()}) in RFC 5952 form,
     * the canonical form {@link Addresses#canonical} gives chosen addresses.
     */
    private static Uni<String> takeFirstFree(Mutiny.Session s, UUID networkId, AddressSpace space, UUID portId) {
        Uni<String> chain = Uni.createFrom().nullItem();
        for (AllocationPools.Pool pool : AllocationPools.of(space.pools())) {
            chain = chain.flatMap(found -> found != null ? Uni.createFrom().item(found)
                    : takeFromPool(s, networkId, space.subnetId(), portId, pool, ATTEMPTS));
        }
        return chain;
    }

    /** The address recorded from one pool, null when it is full; searched again when the one chosen was taken. */
    private static Uni<String> takeFromPool(Mutiny.Session s, UUID networkId, UUID subnetId, UUID portId,
                                            AllocationPools.Pool pool, int attempts) {
        return s.createNativeQuery(FIRST_FREE, Object[].class)
                .setParameter("n", networkId).setParameter("p", portId).setParameter("s", subnetId)
                .setParameter("key", networkId + "/").setParameter("start", Addresses.canonical(pool.start())).setParameter("end", Addresses.canonical(pool.end()))
                .getSingleResult().flatMap(row -> {
                    if (((Number) row[0]).longValue() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    if (row[2] != null) {
                        return Uni.createFrom().item((String) row[2]);
                    }
                    // every candidate was being taken, or the chosen one was committed by another transaction
                    // since this statement's snapshot: the next search sees it
                    if (attempts <= 1) {
                        return Uni.createFrom().failure(Neutron.conflict("IpAddressGenerationFailure",
                                "No IP address could be allocated on network " + networkId + ": concurrent allocations "
                                        + "took every address tried. Try again."));
                    }
                    return takeFromPool(s, networkId, subnetId, portId, pool, attempts - 1);
                });
    }

    private static io.strato.kit.faults.Conflict exhausted(UUID networkId) {
        return Neutron.conflict("IpAddressGenerationFailure", "No more IP addresses available on network " + networkId + ".");
    }

    private static String canonicalOrFail(String ip) {
        String c = Addresses.canonical(ip);
        if (c == null) {
            throw Neutron.invalid("'" + ip + "' is not a valid IP address.");
        }
        return c;
    }
}
