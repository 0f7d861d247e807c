package io.strato.compute.agent.configdrive;

import io.strato.host.process.CommandFailed;
import io.strato.host.process.CommandInterrupted;
import io.strato.host.process.CommandNotStarted;
import io.strato.host.process.CommandTimedOut;
import io.strato.host.process.HostCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code genisoimage} (Debian's genisoimage; Nova's {@code mkisofs_cmd}) with Nova's options: Rock Ridge and
 * Joliet names, lower case and several dots allowed, volume label {@code config-2}.
 */
public final class Genisoimage implements IsoMaker {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String binary;

    public Genisoimage(String binary) {
        this.binary = binary;
    }

    @Override
    public void make(Path content, Path iso) {
        List<String> command = List.of(binary, "-o", iso.toString(), "-ldots", "-allow-lowercase", "-allow-multidot",
                "-l", "-publisher", "Strato Compute", "-quiet", "-J", "-r", "-V", "config-2", content.toString());
        try {
            new HostCommand(TIMEOUT, command).output();
        } catch (CommandTimedOut e) {
            throw new IllegalStateException(binary + " did not finish in " + TIMEOUT.toSeconds() + " s");
        } catch (CommandFailed e) {
            throw new IllegalStateException("cannot make the config drive: " + binary + " failed: " + e.output());
        } catch (CommandNotStarted e) {
            throw new IllegalStateException("cannot make the config drive: cannot run " + binary
                    + " (install genisoimage, or set strato.agent.mkisofs-cmd): " + e.getCause().getMessage());
        } catch (CommandInterrupted e) {
            throw new IllegalStateException("interrupted while making the config drive");
        }
    }
}
