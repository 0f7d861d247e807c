package io.strato.network.agent.firewall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A conntrack zone per network on this host, so that connections of two networks never meet in conntrack, even
 * where their addresses overlap (Neutron's iptables firewall gives each network a {@code CT --zone} the same way).
 * A network keeps its zone while it has ports here and across the agent's restarts (the file): the entries of its
 * live connections carry the zone, and another one would make their next packets new. Its first choice is derived
 * from its id (so it is usually the same on every host and after the file is lost); on a collision, the next free.
 */
public final class ConntrackZones {

    /** Zone 0 is the kernel's default, where everything else on the host is tracked. */
    static final int FIRST = 1;
    static final int LAST = 0xffff;

    private final Path file;
    private final Map<UUID, Integer> byNetwork = new TreeMap<>();

    /** The zones remembered in {@code file} (none when it does not exist yet). */
    public ConntrackZones(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length == 2) {
                        byNetwork.put(UUID.fromString(f[0]), Integer.parseInt(f[1]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the zones of {@code networks} that have one, gives the new ones theirs, forgets the rest. */
    public synchronized Map<UUID, Integer> assign(Set<UUID> networks) {
        boolean changed = byNetwork.keySet().retainAll(networks);
        for (UUID n : networks) {
            if (!byNetwork.containsKey(n)) {
                byNetwork.put(n, free(preferred(n)));
                changed = true;
            }
        }
        if (changed) {
            save();
        }
        return Map.copyOf(byNetwork);
    }

    static int preferred(UUID network) {
        return FIRST + Math.floorMod(network.hashCode(), LAST - FIRST + 1);
    }

    private int free(int from) {
        Set<Integer> used = Set.copyOf(byNetwork.values());
        for (int i = 0; i <= LAST - FIRST; i++) {
            int zone = FIRST + Math.floorMod(from - FIRST + i, LAST - FIRST + 1);
            if (!used.contains(zone)) {
                return zone;
            }
        }
        throw new IllegalStateException("more than " + (LAST - FIRST + 1) + " networks on one host");
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, byNetwork.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "\n")
                    .collect(Collectors.joining()), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
