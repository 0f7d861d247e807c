package io.strato.network.agent.testbed;

import static org.awaitility.Awaitility.await;

import io.strato.network.agent.host.Sh;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A guest machine made of a network namespace (see {@link TestHost#plug}). */
public record Guest(String namespace) {

    public void address(String cidr) {
        TestHost.check(Sh.run("ip", "-n", namespace, "addr", "replace", cidr, "dev", "eth0"));
    }

    public void flushAddresses() {
        TestHost.check(Sh.run("ip", "-n", namespace, "addr", "flush", "dev", "eth0"));
    }

    /** One echo request answered within a second. */
    public boolean pingOnce(String to) {
        return Sh.run("ip", "netns", "exec", namespace, "ping", "-c", "1", "-W", "1", to).ok();
    }

    /** Waits (up to 10 s) for {@code to} to answer a ping: the first packets may wait for ARP. */
    public void reaches(String to) {
        await("ping from " + namespace + " to " + to).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200)).until(() -> pingOnce(to));
    }

    /** Whether three echo requests, a second apart, all went unanswered. */
    public boolean cannotReach(String to) {
        return !Sh.run("ip", "netns", "exec", namespace, "ping", "-c", "3", "-i", "0.5", "-W", "1", to).ok();
    }

    /**
     * Asks for an address with busybox udhcpc (the guest image's DHCP client); returns what the lease said
     * ({@code ip=... mask=... router=... hostname=...}) and configures eth0 with it.
     */
    public String dhcpLease(Path workDir) {
        try {
            Path out = workDir.resolve(namespace + ".lease");
            Path script = workDir.resolve("udhcpc-" + namespace + ".sh");
            Files.writeString(script, "#!/bin/sh\ncase \"$1\" in bound|renew)\n"
                    + "  ip addr flush dev \"$interface\"; ip addr add \"$ip/$mask\" dev \"$interface\"\n"
                    + "  echo \"ip=$ip mask=$mask mtu=$mtu router=$router hostname=$hostname\" > " + out + "\n"
                    + ";; esac\n");
            script.toFile().setExecutable(true);
            Sh.Out udhcpc = Sh.run("ip", "netns", "exec", namespace, "busybox", "udhcpc", "-i", "eth0", "-n", "-q",
                    "-t", "10", "-T", "1", "-O", "mtu", "-s", script.toString());
            if (!udhcpc.ok() || !Files.exists(out)) {
                throw new AssertionError("no lease for " + namespace + ": " + udhcpc.text());
            }
            return Files.readString(out).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A probe in the guest's own nftables (table {@code inet probe}, input hook): one counting rule per match, so a
     * test sees what reached the guest and what did not.
     */
    public void countInput(String... matches) {
        StringBuilder script = new StringBuilder("add table inet probe; "
                + "add chain inet probe in { type filter hook input priority 0; policy accept; }; ");
        for (String m : matches) {
            script.append("add rule inet probe in ").append(m).append(" counter; ");
        }
        TestHost.check(Sh.run("ip", "netns", "exec", namespace, "nft", script.toString()));
    }

    /** What each rule of {@link #countInput} counted, in order. */
    public java.util.List<Long> inputCounts() {
        return NftCounters.of(Sh.run("ip", "netns", "exec", namespace, "nft", "list", "chain", "inet", "probe", "in")
                .text());
    }
}
