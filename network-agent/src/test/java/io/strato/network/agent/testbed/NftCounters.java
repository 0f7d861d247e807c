package io.strato.network.agent.testbed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the {@code counter} statements of an nft listing counted: the tests' probes beside the agent's tables. */
public final class NftCounters {

    private NftCounters() {
    }

    /** The packet counts of the listing's counters, in order. */
    public static List<Long> of(String listing) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("counter packets (\\d+)").matcher(listing);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
