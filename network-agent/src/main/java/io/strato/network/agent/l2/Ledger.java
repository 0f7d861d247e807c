package io.strato.network.agent.l2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the devices this agent created, in a file that survives its restarts, so that it removes its
 * own leftovers and never another agent's (or an operator's) bridge. A name is recorded before the device is
 * made, so a crash in between leaves a name without a device, which is harmless.
 */
public final class Ledger {

    private final Path file;
    private final Set<String> names = new TreeSet<>();

    public Ledger(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        names.add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized boolean contains(String name) {
        return names.contains(name);
    }

    public synchronized Set<String> names() {
        return Set.copyOf(names);
    }

    public synchronized void add(String name) {
        if (names.add(name)) {
            save();
        }
    }

    public synchronized void remove(String name) {
        if (names.remove(name)) {
            save();
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, String.join("\n", names) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
