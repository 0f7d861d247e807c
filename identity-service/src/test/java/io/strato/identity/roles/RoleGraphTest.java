package io.strato.identity.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleGraphTest {
    /** Keystone's defaults: admin ⇒ member ⇒ reader; plus a side branch member ⇒ viewer. */
    private final RoleGraph graph = RoleGraph.ofMap(Map.of(
            "admin", List.of("member"),
            "member", List.of("reader", "viewer")));

    @Test
    void expandsTransitivelyKeepingGrantedRolesFirstAndEachOnce() {
        assertEquals(List.of("admin", "member", "reader", "viewer"), List.copyOf(graph.expand(List.of("admin"))));
        assertEquals(List.of("reader", "member", "viewer"), List.copyOf(graph.expand(List.of("reader", "member"))));
        assertEquals(Set.of("other"), graph.expand(List.of("other")));
    }

    @Test
    void implicationsNameTheDirectPrior() {
        assertEquals(List.of(new RoleGraph.Implication("admin", "member"),
                        new RoleGraph.Implication("member", "reader"),
                        new RoleGraph.Implication("member", "viewer")),
                graph.implicationsOf("admin"));
        assertTrue(graph.implicationsOf("reader").isEmpty());
    }

    @Test
    void priorsAreTheRolesWhoseHoldersAlsoGetTheRole() {
        assertEquals(Set.of("admin", "member"), graph.priorsOf(List.of("reader")));
        assertEquals(Set.of(), graph.priorsOf(List.of("admin")));
    }

    @Test
    void detectsCyclesIncludingSelfImplication() {
        assertTrue(graph.wouldCycle("reader", "admin"), "reader => admin closes admin => member => reader");
        assertTrue(graph.wouldCycle("member", "admin"));
        assertTrue(graph.wouldCycle("reader", "reader"));
        assertFalse(graph.wouldCycle("admin", "reader"), "a shortcut is not a cycle");
        assertFalse(graph.wouldCycle("viewer", "reader"));
    }

    @Test
    void toleratesCyclesAlreadyStored() {
        RoleGraph loop = RoleGraph.ofMap(Map.of("a", List.of("b"), "b", List.of("a")));
        assertEquals(Set.of("a", "b"), loop.expand(List.of("a")));
        assertEquals(List.of(new RoleGraph.Implication("a", "b")), loop.implicationsOf("a"));
    }

    @Test
    void buildsFromStoredRules() {
        ImpliedRole r = new ImpliedRole();
        r.priorRoleId = "p";
        r.impliedRoleId = "i";
        assertEquals(Set.of("i"), RoleGraph.of(List.of(r)).directlyImpliedBy("p"));
    }
}
