package io.strato.kit.events;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A Kafka consumer on its own daemon thread: polls, hands each batch to {@link #process}, survives
 * broker outages (the client reconnects by itself; any other failure recreates the consumer after a
 * pause) and stops promptly on {@link #stop()}.
 */
abstract class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final String name;
    private final Supplier<KafkaConsumer<String, byte[]>> factory;
    private final Collection<String> topics;
    private final Duration pollTimeout;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    ConsumerLoop(String name, Supplier<KafkaConsumer<String, byte[]>> factory, Collection<String> topics,
            Duration pollTimeout) {
        this.name = name;
        this.factory = factory;
        this.topics = topics;
        this.pollTimeout = pollTimeout;
    }

    /** Handles one polled batch; may seek the consumer back to retry records later. */
    protected abstract void process(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records);

    synchronized void start() {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
        LOG.infof("%s consuming %s", name, topics);
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = factory.get()) {
                consumer = c;
                c.subscribe(topics);
                while (running) {
                    process(c, c.poll(pollTimeout));
                }
            } catch (WakeupException | InterruptException e) {
                if (running) {
                    LOG.warnf("%s interrupted while running; restarting", name);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s failed; recreating the consumer in 2 s", name);
                pause(Duration.ofSeconds(2));
            } finally {
                consumer = null;
            }
        }
        LOG.infof("%s stopped", name);
    }

    /** Sleeps unless stopping; returns false when the loop should end. */
    boolean pause(Duration d) {
        long until = System.currentTimeMillis() + d.toMillis();
        while (running && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return running;
    }
}
