package io.strato.network.agent.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * nftables through the {@code nft} tool: a script is one transaction (all of it applies, or none). Tables are
 * the host's: the agent's own network namespace, or the named namespace given to the constructor (then through
 * {@code ip netns exec}, for tests that stand several hosts on one kernel).
 */
public final class Nft {

    private final List<String> nft;

    /** The agent's own network namespace is the host. */
    public Nft() {
        this.nft = List.of("nft");
    }

    /** The named network namespace {@code hostNamespace} is the host. */
    public Nft(String hostNamespace) {
        this.nft = List.of("ip", "netns", "exec", hostNamespace, "nft");
    }

    /** Applies {@code script} atomically with {@code nft -f}. */
    public void apply(String script) {
        withFile(script, "-f");
    }

    /** Checks {@code script} against the kernel without applying it ({@code nft -c -f}). */
    public void check(String script) {
        withFile(script, "-c", "-f");
    }

    /** The table as the kernel has it, or empty text when it does not exist. */
    public String list(String family, String table) {
        List<String> list = Tools.join(nft, "list", "table", family, table);
        return Tools.succeeds(list) ? Tools.run(list) : "";
    }

    public void deleteTable(String family, String table) {
        if (Tools.succeeds(Tools.join(nft, "list", "table", family, table))) {
            Tools.run(Tools.join(nft, "delete", "table", family, table));
        }
    }

    private void withFile(String script, String... options) {
        Path file;
        try {
            file = Files.createTempFile("strato-nft-", ".nft");
            Files.writeString(file, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> command = Tools.join(nft, options);
            command.add(file.toString());
            Tools.run(command);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }
}
