package io.strato.network.subnetpools;

import inet.ipaddr.IPAddress;
import io.strato.network.api.Neutron;
import io.strato.network.ipam.Addresses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A subnet pool's prefixes and prefix-length bounds, checked as Neutron's {@code SubnetPoolReader} does, and the
 * prefix arithmetic of allocating from them ({@code SubnetAllocator}): what is free is the pool's prefixes minus the
 * CIDRs of its subnets; a request for a prefix length takes the first block of that length in the smallest free
 * block that holds one (Neutron's best fit). The IP math is the IPAddress library's.
 *
 * @param prefixes     compacted (overlapping and adjacent prefixes merged) and in address order
 * @param defaultQuota per project, in /32s (IPv4) or /64s (IPv6); null: unlimited
 */
public record PoolPrefixes(int ipVersion, List<String> prefixes, int defaultPrefixlen, int minPrefixlen,
                           int maxPrefixlen, Integer defaultQuota) {
    private static final Comparator<IPAddress> ADDRESS_ORDER = Comparator.comparing(IPAddress::getLower);

    /**
     * A pool's numbers from what a request gave; bounds not given default as Neutron's do: min 8 (IPv4) or 64
     * (IPv6), max the version's bit count, default the min.
     */
    public static PoolPrefixes of(List<String> given, Optional<Integer> defaultPrefixlen, Optional<Integer> min,
                                  Optional<Integer> max, Integer defaultQuota) {
        List<IPAddress> blocks = blocks(given);
        int version = blocks.get(0).isIPv4() ? 4 : 6;
        int bits = version == 4 ? 32 : 128;
        int minLen = min.orElse(version == 4 ? 8 : 64);
        int maxLen = max.orElse(bits);
        int defaultLen = defaultPrefixlen.orElse(minLen);
        if (minLen > maxLen) {
            throw bounds("min_prefixlen", minLen, "max_prefixlen", maxLen);
        }
        if (maxLen > bits) {
            throw bounds("max_prefixlen", maxLen, "ip_version_max", bits);
        }
        if (defaultLen < minLen) {
            throw bounds("default_prefixlen", defaultLen, "min_prefixlen", minLen);
        }
        if (defaultLen > maxLen) {
            throw bounds("default_prefixlen", defaultLen, "max_prefixlen", maxLen);
        }
        return new PoolPrefixes(version, compact(blocks).stream().map(Addresses::cidr).toList(), defaultLen, minLen,
                maxLen, defaultQuota);
    }

    /** Neutron's rule for a prefix update: the pool may only grow (every address it had, it keeps). */
    public void checkGrowsTo(PoolPrefixes updated) {
        List<IPAddress> now = blocks(updated.prefixes);
        for (IPAddress old : blocks(prefixes)) {
            // compacted prefix blocks are disjoint, so a block the union covers lies inside one of them
            if (now.stream().noneMatch(b -> b.getIPVersion() == old.getIPVersion() && b.contains(old))) {
                throw Neutron.badRequest("IllegalSubnetPoolPrefixUpdate",
                        "Illegal update to prefixes: Existing prefixes must be a subset of the new prefixes.");
            }
        }
    }

    /** Refuses a prefix length outside the pool's bounds (Neutron's Min/MaxPrefixSubnetAllocationError). */
    public void checkPrefixlen(int prefixlen) {
        if (prefixlen > maxPrefixlen) {
            throw Neutron.badRequest("MaxPrefixSubnetAllocationError", "Unable to allocate subnet with prefix length "
                    + prefixlen + ", maximum allowed prefix is " + maxPrefixlen + ".");
        }
        if (prefixlen < minPrefixlen) {
            throw Neutron.badRequest("MinPrefixSubnetAllocationError", "Unable to allocate subnet with prefix length "
                    + prefixlen + ", minimum allowed prefix is " + minPrefixlen + ".");
        }
    }

    /** The first free block of {@code prefixlen}, in the smallest free block that holds one. */
    public String next(int prefixlen, Collection<String> allocated) {
        List<IPAddress> free = free(allocated);
        free.sort(Comparator.comparing((IPAddress b) -> b.getNetworkPrefixLength()).reversed().thenComparing(ADDRESS_ORDER));
        for (IPAddress block : free) {
            if (block.getNetworkPrefixLength() <= prefixlen) {
                return Addresses.cidr(block.getLower().setPrefixLength(prefixlen, false).toPrefixBlock());
            }
        }
        throw allocationError("Insufficient prefix space to allocate subnet size /" + prefixlen);
    }

    /** Refuses a given CIDR that is not wholly inside one free block of the pool. */
    public void checkFree(String cidr, Collection<String> allocated) {
        IPAddress wanted = Addresses.parseCidr(cidr).toPrefixBlock();
        if (free(allocated).stream().noneMatch(b -> b.getIPVersion() == wanted.getIPVersion() && b.contains(wanted))) {
            throw allocationError("Cannot allocate requested subnet from the available set of prefixes");
        }
    }

    /**
     * Neutron's per-project prefix quota: {@code default_quota} counts /32s (IPv4) or /64s (IPv6); a refusal is
     * 409 SubnetPoolQuotaExceeded.
     *
     * @param used the CIDRs the project already has from the pool
     */
    public void checkQuota(int prefixlen, Collection<String> used) {
        if (defaultQuota == null || defaultQuota == 0) {
            return;
        }
        double units = quotaUnits(prefixlen);
        for (String c : used) {
            units += quotaUnits(Addresses.parseCidr(c).getNetworkPrefixLength());
        }
        if (units > defaultQuota) {
            throw Neutron.conflict("SubnetPoolQuotaExceeded", "Per-tenant subnet pool prefix quota exceeded.");
        }
    }

    private double quotaUnits(int prefixlen) {
        return Math.pow(2, (ipVersion == 4 ? 32 : 64) - prefixlen);
    }

    /** The pool's prefixes minus the allocated CIDRs, as prefix blocks. */
    List<IPAddress> free(Collection<String> allocated) {
        List<IPAddress> free = blocks(prefixes);
        for (String c : allocated) {
            IPAddress used = Addresses.parseCidr(c);
            if (used == null) {
                continue;
            }
            IPAddress u = used.toPrefixBlock();
            List<IPAddress> next = new ArrayList<>();
            for (IPAddress b : free) {
                if (b.getIPVersion() != u.getIPVersion() || !b.overlaps(u)) {
                    next.add(b);
                } else if (!u.contains(b)) {
                    next.addAll(compact(List.of(b.subtract(u))));
                }
            }
            free = next;
        }
        return free;
    }

    /** Each prefix as a prefix block (host bits cleared); 400s for what is no CIDR, an empty list, mixed versions. */
    static List<IPAddress> blocks(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw Neutron.badRequest("EmptySubnetPoolPrefixList", "Empty subnet pool prefix list.");
        }
        List<IPAddress> out = new ArrayList<>();
        for (String p : given) {
            IPAddress a = Addresses.parseCidr(p);
            if (a == null) {
                throw Neutron.invalid("'" + p + "' is not a valid IP subnet.");
            }
            if (!out.isEmpty() && out.get(0).getIPVersion() != a.getIPVersion()) {
                throw Neutron.badRequest("PrefixVersionMismatch", "Cannot mix IPv4 and IPv6 prefixes in a subnet pool.");
            }
            out.add(a.toPrefixBlock());
        }
        return out;
    }

    /** Overlapping and adjacent blocks merged into the fewest prefix blocks, in address order. */
    static List<IPAddress> compact(List<IPAddress> blocks) {
        if (blocks.isEmpty()) {
            return new ArrayList<>();
        }
        IPAddress[] rest = blocks.subList(1, blocks.size()).toArray(IPAddress[]::new);
        List<IPAddress> merged = new ArrayList<>(List.of(blocks.get(0).mergeToPrefixBlocks(rest)));
        merged.sort(ADDRESS_ORDER);
        return merged;
    }

    private static RuntimeException bounds(String type, int len, String baseType, int baseLen) {
        return Neutron.badRequest("IllegalSubnetPoolPrefixBounds", "Illegal prefix bounds: " + type + "=" + len + ", "
                + baseType + "=" + baseLen + ".");
    }

    /**
     * Neutron's SubnetAllocationError is an untyped 500 there; a pool with no room is a state of the pool, so it is
     * a 409 here.
     */
    private static RuntimeException allocationError(String reason) {
        return Neutron.conflict("SubnetAllocationError", "Failed to allocate subnet: " + reason + ".");
    }
}
