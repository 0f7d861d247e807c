package io.strato.host.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Error;
import org.libvirt.LibvirtException;

/** Against libvirt's test driver ({@code test:///default}: a simulated host in the connection itself). */
class LibvirtConnectionTest {

    /** A caller's own failure type, as the agent's LibvirtFailure and volume-service's DriverException are. */
    static final class CallerFailure extends RuntimeException {
        final String code;

        CallerFailure(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }
    }

    static final LibvirtConnection.Failures FAILURES = new LibvirtConnection.Failures() {
        @Override
        public RuntimeException refused(String action, LibvirtException e) {
            Error error = e.getError();
            return new CallerFailure(error == null ? "?" : error.getCode().name(), action + ": " + e.getMessage(), e);
        }

        @Override
        public RuntimeException broken(String message, Throwable cause) {
            return new CallerFailure("BROKEN", message, cause);
        }
    };

    /** Counts what the connection tells its caller. */
    static final class Events implements LibvirtConnection.StateListener<Connect> {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void connected(Connect connection) {
            seen.add("connected on " + Thread.currentThread().getName());
        }

        @Override
        public void disconnected() {
            seen.add("disconnected on " + Thread.currentThread().getName());
        }
    }

    final AtomicInteger opened = new AtomicInteger();
    final Events events = new Events();
    final List<LibvirtConnection<?>> toClose = new ArrayList<>();

    @AfterEach
    void close() {
        toClose.forEach(LibvirtConnection::close);
    }

    /** A connection whose opener opens {@code opens} (whatever {@code uri} says), counting the opens. */
    LibvirtConnection<Connect> connection(String uri, String opens) {
        LibvirtConnection<Connect> c = new LibvirtConnection<>(uri, "libvirt-test", u -> {
            opened.incrementAndGet();
            return new Connect(opens, false);
        }, FAILURES, events);
        toClose.add(c);
        return c;
    }

    LibvirtConnection<Connect> testDriver() {
        return connection("test:///default", "test:///default");
    }

    @Test
    void opensOnceOnItsFirstCallAndKeepsWhatTheHostHolds() {
        LibvirtConnection<Connect> libvirt = testDriver();
        assertTrue(libvirt.simulated());
        assertEquals(0, opened.get(), "nothing is opened before the first call");

        assertEquals("TEST", libvirt.call("read driver type", Connect::getType));
        libvirt.call("define domain", c -> {
            c.domainDefineXML("<domain type='test'><name>kit-test</name><memory>1024</memory>"
                    + "<os><type>hvm</type></os></domain>").free();
            return null;
        });
        // a second connection to test:///default would be a fresh host without the domain
        assertTrue(List.of(libvirt.call("list defined domains", Connect::listDefinedDomains)).contains("kit-test"));
        assertEquals(1, opened.get());
        assertEquals(List.of("connected on libvirt-test"), events.seen);
    }

    @Test
    void callsRunOneAtATimeOnTheConnectionsOwnThread() throws Exception {
        LibvirtConnection<Connect> libvirt = testDriver();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger order = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(callers.submit(() -> {
                    go.await();
                    return libvirt.call("read node info", c -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        threads.add(Thread.currentThread().getName());
                        int cpus = c.nodeInfo().cpus;
                        LockSupport.parkNanos(2_000_000); // long enough for an overlap to show
                        running.decrementAndGet();
                        order.incrementAndGet();
                        return cpus;
                    });
                }));
            }
            go.countDown();
            for (Future<Integer> r : results) {
                assertTrue(r.get(30, TimeUnit.SECONDS) > 0);
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(40, order.get());
        assertEquals(1, mostAtOnce.get(), "calls never overlap");
        assertEquals(Set.of("libvirt-test"), threads);
        assertEquals(1, opened.get());
    }

    @Test
    void aLibvirtErrorIsTheCallersOwnFailureAndTheTestHostIsKept() {
        LibvirtConnection<Connect> libvirt = testDriver();
        CallerFailure e = assertThrows(CallerFailure.class,
                () -> libvirt.call("look up nope", c -> c.domainLookupByName("nope")));
        assertEquals("VIR_ERR_NO_DOMAIN", e.code);
        assertTrue(e.getMessage().startsWith("look up nope: "), e.getMessage());
        assertTrue(e.getCause() instanceof LibvirtException);
        // the test driver's connection is the host: never dropped, even after an error
        assertEquals("TEST", libvirt.call("read driver type", Connect::getType));
        assertEquals(1, opened.get());
    }

    @Test
    void anExceptionOfTheCallItselfReachesTheCallerAsItIs() {
        LibvirtConnection<Connect> libvirt = testDriver();
        IllegalStateException thrown = new IllegalStateException("the caller's own");
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> libvirt.call("fail", c -> {
            throw thrown;
        })));
        AssertionError error = new AssertionError("not a runtime exception");
        CallerFailure e = assertThrows(CallerFailure.class, () -> libvirt.call("err", c -> {
            throw error;
        }));
        assertEquals("BROKEN", e.code);
        assertSame(error, e.getCause());
        assertTrue(e.getMessage().startsWith("err: "), e.getMessage());
    }

    @Test
    void aFailedOpenSaysSoAndTheNextCallTriesAgain() {
        LibvirtConnection<Connect> libvirt = connection("test:///nonexistent/host.xml", "test:///nonexistent/host.xml");
        CallerFailure e = assertThrows(CallerFailure.class, () -> libvirt.call("read driver type", Connect::getType));
        assertTrue(e.getMessage().startsWith("read driver type (connecting to test:///nonexistent/host.xml): "),
                e.getMessage());
        assertThrows(CallerFailure.class, () -> libvirt.connect("connect"));
        assertEquals(2, opened.get());
        assertEquals(List.of("disconnected on libvirt-test", "disconnected on libvirt-test"), events.seen);
    }

    @Test
    void aDeadConnectionToARealDaemonIsReopenedByTheNextCall() {
        // not a test: URI, so the connection counts as a real daemon's; the opener still opens the test driver
        LibvirtConnection<Connect> libvirt = connection("qemu+test:///dies", "test:///default");
        assertFalse(libvirt.simulated());
        libvirt.connect("connect");
        CallerFailure e = assertThrows(CallerFailure.class, () -> libvirt.call("read driver type", c -> {
            c.close(); // the daemon went away under the call
            return c.getType();
        }));
        assertTrue(e.getMessage().startsWith("read driver type: "), e.getMessage());
        assertEquals("TEST", libvirt.call("read driver type", Connect::getType));
        assertEquals(2, opened.get());
        assertEquals(List.of("connected on libvirt-test", "disconnected on libvirt-test", "connected on libvirt-test"),
                events.seen);
    }

    @Test
    void closingClosesTheConnectionAndRefusesLaterCalls() {
        LibvirtConnection<Connect> libvirt = testDriver();
        libvirt.connect("connect");
        libvirt.close();
        libvirt.close(); // twice is fine
        assertEquals(List.of("connected on libvirt-test", "disconnected on libvirt-test"), events.seen);
        assertThrows(RejectedExecutionException.class, () -> libvirt.call("read driver type", Connect::getType));
    }
}
