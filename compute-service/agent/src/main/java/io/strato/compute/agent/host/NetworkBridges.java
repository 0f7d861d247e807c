package io.strato.compute.agent.host;

import io.strato.compute.agent.domain.DomainSpec;
import io.strato.host.process.CommandException;
import io.strato.host.process.HostCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Makes sure the bridges a domain's interfaces join exist before libvirt starts it (libvirt refuses a missing
 * bridge), as Nova's os-vif does for linuxbridge: an empty, up bridge with the network's MTU. The network
 * agent then owns it (uplink, filtering); if it created the bridge first, nothing happens here.
 */
public final class NetworkBridges {

    private static final Logger LOG = Logger.getLogger(NetworkBridges.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public void ensure(DomainSpec spec) {
        for (DomainSpec.Nic nic : spec.nics()) {
            if ("bridge".equals(nic.type()) && nic.bridge() != null) {
                ensure(nic.bridge(), nic.mtu().orElse(1500));
            }
        }
    }

    void ensure(String bridge, int mtu) {
        if (Files.exists(Path.of("/sys/class/net", bridge))) {
            return;
        }
        try {
            HostCommand.Result added = HostCommand.of(TIMEOUT, "ip", "link", "add", "name", bridge, "mtu",
                    Integer.toString(mtu), "type", "bridge", "stp_state", "0").run();
            if (!added.succeeded() && !Files.exists(Path.of("/sys/class/net", bridge))) {
                throw new IllegalStateException("cannot create bridge " + bridge + ": " + added.output());
            }
            HostCommand.of(TIMEOUT, "ip", "link", "set", bridge, "up").output();
            LOG.infof("created bridge %s for a guest's interface", bridge);
        } catch (CommandException e) {
            throw new IllegalStateException("cannot create bridge " + bridge + ": " + e.getMessage(), e);
        }
    }
}
