package io.strato.network.ipam;

import inet.ipaddr.IPAddress;
import io.strato.network.api.Neutron;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subnet's allocation pools ({@code [{"start": ..., "end": ...}]}): Neutron's defaults (every address
 * but the network address, the IPv4 broadcast and the gateway) and its validation of given pools.
 */
public final class AllocationPools {
    private AllocationPools() {
    }

    /** One pool: an inclusive range of addresses. */
    public record Pool(IPAddress start, IPAddress end) {
        public Map<String, String> toMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("start", Addresses.canonical(start));
            m.put("end", Addresses.canonical(end));
            return m;
        }

        public boolean contains(IPAddress a) {
            return a.getIPVersion() == start.getIPVersion()
                    && a.compareTo(start) >= 0 && a.compareTo(end) <= 0;
        }

        boolean overlaps(Pool other) {
            return start.compareTo(other.end) <= 0 && other.start.compareTo(end) <= 0;
        }

        @Override
        public String toString() {
            return Addresses.canonical(start) + "-" + Addresses.canonical(end);
        }
    }

    /**
     * Neutron's {@code generate_pools}: from the second address to the last (IPv4: the one before the
     * broadcast), split around the gateway. A /32 or /128 is its own single address; a /31 or /127 has none.
     */
    public static List<Map<String, String>> defaults(IPAddress block, IPAddress gateway) {
        IPAddress net = block.toPrefixBlock();
        IPAddress first = net.getLower().withoutPrefixLength();
        IPAddress last = net.getUpper().withoutPrefixLength();
        List<Map<String, String>> pools = new ArrayList<>();
        if (first.equals(last)) {
            pools.add(new Pool(first, last).toMap());
            return pools;
        }
        IPAddress firstIp = first.increment(1);
        IPAddress lastIp = net.isIPv4() ? last.increment(-1) : last;
        if (firstIp.compareTo(lastIp) >= 0) {
            return pools;
        }
        IPAddress gw = gateway == null ? null : gateway.withoutPrefixLength();
        if (gw == null || gw.compareTo(firstIp) < 0 || gw.compareTo(lastIp) > 0) {
            pools.add(new Pool(firstIp, lastIp).toMap());
            return pools;
        }
        if (gw.compareTo(firstIp) > 0) {
            pools.add(new Pool(firstIp, gw.increment(-1)).toMap());
        }
        if (gw.compareTo(lastIp) < 0) {
            pools.add(new Pool(gw.increment(1), lastIp).toMap());
        }
        return pools;
    }

    /**
     * Given pools checked as Neutron does: start and end are addresses of the subnet's version with
     * start &lt;= end (InvalidAllocationPool), inside the subnet but not its network or IPv4 broadcast
     * address (OutOfBoundsAllocationPool), not overlapping each other (OverlappingAllocationPools) and
     * not holding the gateway (GatewayConflictWithAllocationPools, a 409 as in Neutron).
     *
     * @return the pools in canonical form, in the given order
     */
    public static List<Map<String, String>> validate(List<Map<String, String>> given, IPAddress block, IPAddress gateway) {
        IPAddress net = block.toPrefixBlock();
        String cidr = Addresses.cidr(net);
        IPAddress lowest = net.getLower().withoutPrefixLength().increment(1);
        IPAddress highest = net.isIPv4() ? net.getUpper().withoutPrefixLength().increment(-1) : net.getUpper().withoutPrefixLength();
        List<Pool> pools = new ArrayList<>();
        for (Map<String, String> p : given) {
            IPAddress start = Addresses.parse(p.get("start"));
            IPAddress end = Addresses.parse(p.get("end"));
            String shown = p.get("start") + "-" + p.get("end");
            if (start == null || end == null || start.getIPVersion() != net.getIPVersion()
                    || end.getIPVersion() != net.getIPVersion() || start.compareTo(end) > 0) {
                throw Neutron.badRequest("InvalidAllocationPool", "The allocation pool " + shown + " is not valid.");
            }
            Pool pool = new Pool(start, end);
            if (start.compareTo(lowest) < 0 || end.compareTo(highest) > 0) {
                throw Neutron.badRequest("OutOfBoundsAllocationPool",
                        "The allocation pool " + pool + " spans beyond the subnet cidr " + cidr + ".");
            }
            pools.add(pool);
        }
        for (int i = 0; i < pools.size(); i++) {
            for (int j = i + 1; j < pools.size(); j++) {
                if (pools.get(i).overlaps(pools.get(j))) {
                    throw Neutron.badRequest("OverlappingAllocationPools", "Found overlapping allocation pools: "
                            + pools.get(i) + " " + pools.get(j) + " for subnet " + cidr + ".");
                }
            }
        }
        checkGatewayOutside(pools, gateway);
        return pools.stream().map(Pool::toMap).toList();
    }

    /** 409 GatewayConflictWithAllocationPools when the gateway lies in one of the pools. */
    public static void checkGatewayOutside(List<Pool> pools, IPAddress gateway) {
        if (gateway == null) {
            return;
        }
        for (Pool pool : pools) {
            if (pool.contains(gateway.withoutPrefixLength())) {
                throw Neutron.conflict("GatewayConflictWithAllocationPools",
                        "Gateway ip " + Addresses.canonical(gateway) + " conflicts with allocation pool " + pool + ".");
            }
        }
    }

    /** Stored pools (already valid) as ranges. */
    public static List<Pool> of(List<Map<String, String>> stored) {
        List<Pool> out = new ArrayList<>();
        for (Map<String, String> p : stored) {
            out.add(new Pool(Addresses.parse(p.get("start")), Addresses.parse(p.get("end"))));
        }
        return out;
    }
}
