package io.strato.network.agent.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.network.agent.model.PortInfo;
import io.strato.network.agent.model.RuleInfo;
import io.strato.network.agent.model.SecurityGroupInfo;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClusterStateTest {

    static PortInfo port(UUID id, long revision, String host) {
        return new PortInfo(id, UUID.randomUUID(), "fa:16:3e:00:00:01", List.of(), List.of(), List.of(), true, host, null,
                "compute:nova", "vm", true, null, "project-1", "DOWN", revision);
    }

    @Test
    void anOlderRevisionNeverReplacesANewerOne() {
        ClusterState s = new ClusterState();
        UUID id = UUID.randomUUID();
        assertTrue(s.putPort(port(id, 5, "a")));
        assertFalse(s.putPort(port(id, 4, "b")), "late event");
        assertEquals("a", s.snapshot().ports().get(id).hostId());
        assertTrue(s.putPort(port(id, 6, "b")));
        assertEquals("b", s.snapshot().ports().get(id).hostId());
    }

    @Test
    void aDeletedResourceStaysDeletedWhenAnOlderEventArrivesLate() {
        ClusterState s = new ClusterState();
        UUID id = UUID.randomUUID();
        s.putPort(port(id, 3, "a"));
        assertTrue(s.removePort(id, 4));
        assertFalse(s.putPort(port(id, 3, "a")));
        assertFalse(s.snapshot().ports().containsKey(id));
    }

    @Test
    void aDeletedRuleIsNotBroughtBackByItsGroupsOlderJson() {
        ClusterState s = new ClusterState();
        UUID g = UUID.randomUUID();
        RuleInfo r = new RuleInfo(UUID.randomUUID(), g, "ingress", "IPv4", "tcp", 22, 22, null, null);
        s.putSecurityGroup(new SecurityGroupInfo(g, true, 1), List.of(r));
        assertTrue(s.removeRule(r.id()));
        s.putSecurityGroup(new SecurityGroupInfo(g, true, 1), List.of(r));
        assertTrue(s.snapshot().rules().isEmpty());
    }

    @Test
    void theGenerationMovesOnlyOnChange() {
        ClusterState s = new ClusterState();
        PortInfo p = port(UUID.randomUUID(), 1, "a");
        s.putPort(p);
        long g = s.generation();
        assertFalse(s.putPort(p), "the same port again is no change");
        assertEquals(g, s.generation());
    }
}
