package io.strato.compute.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A host XML for libvirt's test driver, as deploy/local writes them: 32 vCPUs, 64 GiB. */
public final class SimulatedHost {

    public static final int CPUS = 32;
    public static final long MEMORY_KIB = 64L * 1024 * 1024;

    private SimulatedHost() {
    }

    /** Writes {@code dir/host.xml} and returns its {@code test:///} URI. */
    public static String write(Path dir) {
        Path file = dir.resolve("host.xml");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, """
                    <node>
                      <cpu>
                        <mhz>2400</mhz>
                        <model>x86_64</model>
                        <active>%d</active>
                        <max>%d</max>
                        <nodes>1</nodes>
                        <sockets>2</sockets>
                        <cores>8</cores>
                        <threads>2</threads>
                      </cpu>
                      <memory>%d</memory>
                    </node>
                    """.formatted(CPUS, CPUS, MEMORY_KIB));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "test://" + file.toAbsolutePath();
    }
}
