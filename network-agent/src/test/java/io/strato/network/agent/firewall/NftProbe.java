package io.strato.network.agent.firewall;

import java.util.concurrent.TimeUnit;

/** Whether this machine lets the tests use nftables (root and the nft tool). */
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
}
