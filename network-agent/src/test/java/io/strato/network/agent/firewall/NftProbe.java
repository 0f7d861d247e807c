package io.strato.network.agent.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether this machine lets the tests use nftables (root and the nft tool), and what a listing's counters say. */
final class NftProbe {

    private NftProbe() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("nft", "list", "tables").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** The packet counts of a chain's {@code counter} statements, in order. */
    static List<Long> counters(String chain) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("counter packets (\\d+)").matcher(chain);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
