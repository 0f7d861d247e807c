package io.strato.kit.data.events.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.strato.kit.data.events.KitInfra;
import io.strato.kit.data.events.RecordingListener;
import io.strato.kit.data.outbox.Outbox;
import io.strato.kit.events.StratoEvent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay and the consumers talk to a private broker through a forwarder this test controls: closing
 * the forwarder is a broker outage for them, while the tests' shared broker (19092) is left alone.
 */
@QuarkusTest
@KitInfra
@WithTestResource(ScratchKafkaResource.class)
class BrokerOutageTest {

    private static final String TOPIC = RecordingListener.TOPIC;
    private static final String TYPE = "strato.kit-test.outage.v1";

    @Inject
    Outbox outbox;

    @Inject
    RecordingListener listener;

    private TcpForwarder forwarder;

    @AfterEach
    void closeForwarder() {
        if (forwarder != null) {
            forwarder.close();
        }
    }

    @Test
    void anEventWrittenWhileTheBrokerIsDownIsPublishedWhenItReturns() throws Exception {
        // read here, not injected: test classes are beans of every test application, also those without this resource
        Config config = ConfigProvider.getConfig();
        int brokerPort = config.getValue("strato.test.scratch-kafka.port", Integer.class);
        int forwardPort = config.getValue("strato.test.scratch-kafka.advertised-port", Integer.class);
        forwarder = new TcpForwarder(forwardPort, brokerPort);
        UUID before = write("before the outage");
        await(() -> published(before), Duration.ofSeconds(90), "event published while the broker is up");
        assertNotNull(received(before, Duration.ofSeconds(30)), "broadcast listener got the event before the outage");

        forwarder.close(); // the broker goes away
        UUID during = write("during the outage");
        await(() -> attempts(during) > 0, Duration.ofSeconds(60), "relay records a failed attempt");
        assertTrue(!published(during), "not published while the broker is unreachable");
        Thread.sleep(3000);
        assertTrue(!published(during), "still not published while the broker is unreachable");
        assertNull(received(during, Duration.ofMillis(500)), "nothing delivered during the outage");

        forwarder = new TcpForwarder(forwardPort, brokerPort); // the broker returns
        await(() -> published(during), Duration.ofSeconds(90), "event published after the broker returned");
        StratoEvent got = received(during, Duration.ofSeconds(60));
        assertNotNull(got, "broadcast consumer survived the outage and received the event");
        assertEquals("during the outage", got.data().path("note").asText());
        assertEquals(TYPE, got.type());
    }

    private UUID write(String note) {
        UUID subject = UUID.randomUUID();
        awaitUni(() -> Panache.withTransaction(() -> outbox.add(TOPIC, TYPE, subject.toString(), Map.of("note", note))));
        return subject;
    }

    private StratoEvent received(UUID subject, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            StratoEvent e = listener.poll(200);
            if (e != null && subject.toString().equals(e.subject())) {
                return e;
            }
        }
        return null;
    }

    private static boolean published(UUID subject) {
        return ((Number) scalar("select count(*) from strato_outbox where subject = ?1 and published_at is not null",
                subject.toString())).longValue() == 1;
    }

    private static int attempts(UUID subject) {
        return ((Number) scalar("select attempts from strato_outbox where subject = ?1", subject.toString())).intValue();
    }

    private static Object scalar(String sql, Object param) {
        return awaitUni(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql).setParameter(1, param).getSingleResult())));
    }

    private static <T> T awaitUni(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }
}
