package io.strato.network.agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** The agent's own files in its state directory (a DHCP server's, a router's). */
public final class StateFiles {

    private static final Logger LOG = Logger.getLogger(StateFiles.class);

    private StateFiles() {
    }

    /** Removes a directory and everything in it; nothing when it is not there; a failure is logged, not thrown. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("could not remove %s: %s", dir, e.getMessage());
        }
    }
}
