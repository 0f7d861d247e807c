package io.strato.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;
    private final RevocationList revocations = new RevocationList();

    private VerifiedTokens cache(long size, Duration maxAge) {
        return new VerifiedTokens(size, maxAge, revocations, clock,
                () -> Duration.between(Instant.EPOCH, now.get()).toNanos());
    }

    private static Caller caller(String user, String project, String audit, String appCred, Instant expires) {
        return new Caller(user, user, "udom", project, project, "pdom", null, false, Set.of("member"),
                List.of(audit), List.of("password"), T0.minusSeconds(10), expires, appCred);
    }

    private static SecurityIdentity verified(Caller c) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(c.userId()))
                .addRole("member").addAttribute("tenant-id", "Default")
                .addAttribute(io.vertx.ext.web.RoutingContext.class.getName(), "the first request's")
                .build();
    }

    private static String token(int n) {
        return "header.claims-" + n + ".signature";
    }

    @Test
    void aRememberedTokenIsFoundByItsDigestAndGivesTheSameIdentityWithoutTheFirstRequest() {
        VerifiedTokens tokens = cache(100, Duration.ofMinutes(10));
        Caller c = caller("u1", "p1", "a1", null, T0.plusSeconds(3600));
        tokens.remember(token(1), verified(c), c);

        VerifiedToken hit = tokens.find(token(1));
        assertNotNull(hit);
        assertSame(c, hit.caller());
        assertNull(tokens.find(token(2)));
        assertEquals(TokenDigest.of(token(1)), TokenDigest.of(token(1)));
        assertNotEquals(TokenDigest.of(token(1)), TokenDigest.of(token(2)));

        SecurityIdentity again = hit.identity(new TokenCredential(token(1), "bearer"), Map.of());
        assertEquals("u1", again.getPrincipal().getName());
        assertTrue(again.hasRole("member"));
        assertEquals("Default", again.getAttribute("tenant-id"));
        assertSame(c, again.getAttribute(CallerAugmentor.CALLER_ATTRIBUTE));
        assertNull(again.getAttribute(io.vertx.ext.web.RoutingContext.class.getName()),
                "a request's routing context is never kept for the next one");
    }

    @Test
    void anExpiredTokenIsNotServedEvenWhileItsEntryIsStillThere() {
        // max-age far away and the cache's own clock frozen: only the check against exp can refuse it
        AtomicReference<Instant> frozen = new AtomicReference<>(T0);
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofDays(1), revocations, now::get,
                () -> Duration.between(Instant.EPOCH, frozen.get()).toNanos());
        Caller c = caller("u1", "p1", "a1", null, T0.plusSeconds(30));
        tokens.remember(token(1), verified(c), c);
        assertNotNull(tokens.find(token(1)));

        now.set(T0.plusSeconds(30));
        assertEquals(1, tokens.size(), "still held");
        assertNull(tokens.find(token(1)), "but not served at exp");
        now.set(T0.plusSeconds(29));
        assertNotNull(tokens.find(token(1)));
    }

    @Test
    void anEntryLeavesAtItsTokensExpOrAtMaxAgeWhicheverComesFirst() {
        VerifiedTokens tokens = cache(100, Duration.ofMinutes(10));
        Caller soon = caller("u1", "p1", "a1", null, T0.plusSeconds(60));
        Caller late = caller("u2", "p1", "a2", null, T0.plusSeconds(3600));
        tokens.remember(token(1), verified(soon), soon);
        tokens.remember(token(2), verified(late), late);

        now.set(T0.plusSeconds(61));
        assertNull(tokens.find(token(1)));
        assertNotNull(tokens.find(token(2)));
        now.set(T0.plusSeconds(601));
        assertNull(tokens.find(token(2)), "max-age: verified again after 10 minutes though valid for an hour");
        tokens.cleanUp();
        assertEquals(0, tokens.size(), "expired entries are evicted, not only hidden");
    }

    @Test
    void anAlreadyExpiredTokenIsNeverKept() {
        VerifiedTokens tokens = cache(100, Duration.ofMinutes(10));
        Caller c = caller("u1", "p1", "a1", null, T0);
        tokens.remember(token(1), verified(c), c);
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokens tokens = cache(50, Duration.ofMinutes(10));
        for (int i = 0; i < 1000; i++) {
            Caller c = caller("u" + i, "p1", "a" + i, null, T0.plusSeconds(3600));
            tokens.remember(token(i), verified(c), c);
        }
        tokens.cleanUp();
        assertTrue(tokens.size() <= 50, "size " + tokens.size());
    }

    @Test
    void sizeZeroTurnsTheCacheOff() {
        VerifiedTokens tokens = cache(0, Duration.ofMinutes(10));
        Caller c = caller("u1", "p1", "a1", null, T0.plusSeconds(3600));
        tokens.remember(token(1), verified(c), c);
        assertNull(tokens.find(token(1)));
        assertEquals(0, tokens.size());
    }

    @Test
    void everyKindOfRevocationSweepsTheTokensItCoversWithinASecondAndOnlyThose() throws InterruptedException {
        VerifiedTokens tokens = cache(100, Duration.ofMinutes(10));
        Instant exp = T0.plusSeconds(3600);
        Caller[] callers = {
            caller("u-audit", "p-a", "audit-1", null, exp),
            caller("u-user", "p-b", "a-2", null, exp),
            caller("u-uop", "p-uop", "a-3", null, exp),
            caller("u-c", "p-project", "a-4", null, exp),
            caller("u-d", "p-e", "a-5", "app-cred", exp),
            caller("u-keep", "p-keep", "a-keep", null, exp),
        };
        for (int i = 0; i < callers.length; i++) {
            tokens.remember(token(i), verified(callers[i]), callers[i]);
        }
        Instant before = T0;
        Revocation[] facts = {
            new Revocation("audit-1", null, null, null, null, before, exp),
            new Revocation(null, "u-user", null, null, null, before, exp),
            new Revocation(null, "u-uop", "p-uop", null, null, before, exp),
            new Revocation(null, null, "p-project", null, null, before, exp),
            new Revocation(null, null, null, null, "app-cred", before, exp),
        };
        for (int i = 0; i < facts.length; i++) {
            revocations.add(facts[i]);
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (tokens.find(token(i)) != null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertNull(tokens.find(token(i)), "swept by " + facts[i]);
        }
        assertNotNull(tokens.find(token(5)), "a token no revocation covers stays");

        // a domain revocation covers the project's and the user's domain alike
        Caller inDomain = caller("u-dom", "p-dom", "a-dom", null, exp);
        tokens.remember(token(9), verified(inDomain), inDomain);
        revocations.add(new Revocation(null, null, null, "pdom", null, before, exp));
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (tokens.find(token(9)) != null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertNull(tokens.find(token(9)));
    }
}
