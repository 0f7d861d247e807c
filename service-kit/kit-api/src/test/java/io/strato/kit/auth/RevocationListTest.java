package io.strato.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevocationListTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Caller token(String user, String project, String audit, Instant issued) {
        return new Caller(user, "u", "default", project, "p", project == null ? null : "default", null, false,
                Set.of("member"), List.of(audit), List.of("password"), issued, issued.plusSeconds(3600), null);
    }

    private static Revocation fact(String audit, String user, String project, Instant before) {
        return new Revocation(audit, user, project, null, null, before, before.plusSeconds(3600));
    }

    @Test
    void aTokenRevocationHitsOnlyThatToken() {
        RevocationList list = new RevocationList();
        list.add(fact("a1", null, null, T0));
        assertTrue(list.isRevoked(token("u1", "p1", "a1", T0.minusSeconds(5))));
        assertFalse(list.isRevoked(token("u1", "p1", "a2", T0.minusSeconds(5))));
    }

    @Test
    void aUserRevocationHitsTokensIssuedUpToItNotAfter() {
        RevocationList list = new RevocationList();
        list.add(fact(null, "u1", null, T0));
        assertTrue(list.isRevoked(token("u1", "p1", "a", T0.minusMillis(1))));
        assertTrue(list.isRevoked(token("u1", "p1", "a", T0)));
        assertFalse(list.isRevoked(token("u1", "p1", "a", T0.plusMillis(1))));
        assertFalse(list.isRevoked(token("u2", "p1", "a", T0.minusSeconds(1))));
    }

    @Test
    void aRoleUnassignmentHitsTheUserOnThatProjectOnly() {
        RevocationList list = new RevocationList();
        list.add(fact(null, "u1", "p1", T0));
        assertTrue(list.isRevoked(token("u1", "p1", "a", T0.minusSeconds(1))));
        assertFalse(list.isRevoked(token("u1", "p2", "a", T0.minusSeconds(1))));
        assertFalse(list.isRevoked(token("u2", "p1", "a", T0.minusSeconds(1))));
    }

    @Test
    void factsAreDroppedOnceNoTokenTheyMatchCanBeAlive() {
        RevocationList list = new RevocationList();
        list.add(fact("a1", null, null, T0));
        list.add(fact(null, "u1", null, T0));
        assertEquals(2, list.size());
        list.prune(T0.plusSeconds(1800));
        assertEquals(2, list.size());
        list.prune(T0.plusSeconds(3601));
        assertEquals(0, list.size());
    }
}
