package io.strato.network.agent.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** nftables through the {@code nft} tool: a script is one transaction (all of it applies, or none). */
public final class Nft {

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
        return Tools.succeeds("nft", "list", "table", family, table) ? Tools.run("nft", "list", "table", family, table) : "";
    }

    public void deleteTable(String family, String table) {
        if (Tools.succeeds("nft", "list", "table", family, table)) {
            Tools.run("nft", "delete", "table", family, table);
        }
    }

    private static void withFile(String script, String... options) {
        Path file;
        try {
            file = Files.createTempFile("strato-nft-", ".nft");
            Files.writeString(file, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("nft"));
            command.addAll(java.util.List.of(options));
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
