package io.strato.network.agent.firewall;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Address lists for nft sets: overlapping entries merged into the fewest prefix blocks (nft refuses overlaps). */
final class Addresses {

    private Addresses() {
    }

    /** The addresses and CIDRs of one family, merged; a single address is written without its /32 or /128. */
    static List<String> merged(Collection<String> entries) {
        List<IPAddress> blocks = new ArrayList<>();
        for (String e : entries) {
            IPAddress a = new IPAddressString(e).getAddress();
            if (a != null) {
                blocks.add(a.isPrefixed() ? a.toPrefixBlock() : a.withoutPrefixLength().toPrefixBlock(a.getBitCount()));
            }
        }
        if (blocks.isEmpty()) {
            return List.of();
        }
        IPAddress first = blocks.get(0);
        IPAddress[] merged = first.mergeToPrefixBlocks(blocks.subList(1, blocks.size()).toArray(IPAddress[]::new));
        List<String> out = new ArrayList<>();
        for (IPAddress m : merged) {
            out.add(m.getNetworkPrefixLength() != null && m.getNetworkPrefixLength() == m.getBitCount()
                    ? m.withoutPrefixLength().toCanonicalString()
                    : m.toCanonicalString());
        }
        return out;
    }
}
