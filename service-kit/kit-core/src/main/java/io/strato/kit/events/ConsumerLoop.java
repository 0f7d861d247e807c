package io.strato.kit.events;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A Kafka consumer on its own daemon thread: polls, hands each batch to {@link #process}, survives
 * broker outages (the client reconnects by itself; any other failure recreates the consumer after a
 * pause) and stops promptly on {@link #stop()}.
 */
public abstract class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    /** How long {@link #stop()} waits for the polling thread to finish its batch and {@link #beforeClose}. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final String name;
    private final Supplier<KafkaConsumer<String, byte[]>> factory;
    private final Collection<String> topics;
    private final Duration pollTimeout;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    protected ConsumerLoop(String name, Supplier<KafkaConsumer<String, byte[]>> factory, Collection<String> topics,
            Duration pollTimeout) {
        this.name = name;
        this.factory = factory;
        this.topics = topics;
        this.pollTimeout = pollTimeout;
    }

    /** Handles one polled batch; may seek the consumer back to retry records later. */
    protected abstract void process(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records);

    /** What happens on the polling thread when partitions are assigned or taken away; nothing by default. */
    protected ConsumerRebalanceListener rebalanceListener(KafkaConsumer<String, byte[]> consumer) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // nothing to finish
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // start from the committed offsets
            }
        };
    }

    /** Called on the polling thread before the consumer is closed or recreated (e.g. to commit finished work). */
    protected void beforeClose(KafkaConsumer<String, byte[]> consumer) {
    }

    public synchronized void start() {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
        LOG.infof("%s consuming %s", name, topics);
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = factory.get()) {
                consumer = c;
                try {
                    c.subscribe(topics, rebalanceListener(c));
                    while (running) {
                        process(c, c.poll(pollTimeout));
                    }
                } finally {
                    beforeClose(c);
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
    protected boolean pause(Duration d) {
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
