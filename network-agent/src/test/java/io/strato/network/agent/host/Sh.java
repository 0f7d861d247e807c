package io.strato.network.agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test-side shell: runs a command, returns its exit code and output; for machines made of namespaces. */
public final class Sh {

    public record Out(int code, String text) {
        public boolean ok() {
            return code == 0;
        }
    }

    private Sh() {
    }

    public static Out run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Out(-1, "timed out: " + String.join(" ", command));
            }
            return new Out(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Out(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Out(-1, "interrupted");
        }
    }

    /** Runs {@code sh -c script}. */
    public static Out sh(String script) {
        return run("sh", "-c", script);
    }

    /** Whether this machine can host the data-plane tests: root, ip, nft, dnsmasq and busybox (udhcpc, nc). */
    public static boolean hostNetworking() {
        return run("nft", "list", "tables").ok() && run("ip", "netns", "list").ok()
                && run("sh", "-c", "command -v dnsmasq && command -v busybox").ok();
    }
}
