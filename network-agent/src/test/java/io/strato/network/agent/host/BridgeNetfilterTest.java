package io.strato.network.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** br_netfilter's switches, in a directory standing for /proc/sys/net/bridge. */
class BridgeNetfilterTest {

    @TempDir
    Path dir;

    @Test
    void switchesAtZeroAreSetToOneAndCounted() throws Exception {
        Files.writeString(dir.resolve("bridge-nf-call-iptables"), "0\n");
        Files.writeString(dir.resolve("bridge-nf-call-ip6tables"), "1\n");
        BridgeNetfilter netfilter = new BridgeNetfilter(dir);

        assertEquals(1, netfilter.ensure());
        assertEquals("1", Files.readString(dir.resolve("bridge-nf-call-iptables")).strip());
        assertEquals("1", Files.readString(dir.resolve("bridge-nf-call-ip6tables")).strip());
        assertEquals(0, netfilter.ensure(), "a second pass changes nothing");
    }

    @Test
    void aMissingSwitchFailsThePassNamingBrNetfilter() throws Exception {
        Files.writeString(dir.resolve("bridge-nf-call-iptables"), "1\n");
        HostFailure e = assertThrows(HostFailure.class, () -> new BridgeNetfilter(dir).ensure());
        assertTrue(e.getMessage().contains("net.bridge.bridge-nf-call-ip6tables does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("br_netfilter"), e.getMessage());
    }

    @Test
    void aSwitchThatCannotBeWrittenFailsThePass() throws Exception {
        Files.writeString(dir.resolve("bridge-nf-call-iptables"), "1\n");
        // a directory in place of the file: it can be neither read nor written as one
        Files.createDirectory(dir.resolve("bridge-nf-call-ip6tables"));
        HostFailure e = assertThrows(HostFailure.class, () -> new BridgeNetfilter(dir).ensure());
        assertTrue(e.getMessage().contains("bridge-nf-call-ip6tables"), e.getMessage());
    }
}
