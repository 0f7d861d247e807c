import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts for tests/e2e/chaos.py, with the Kafka client jars of the cloud's own broker (deploy/local fetches
 * them into $STRATO_STATE/kafka/lib; its jars have no kafka-consumer-groups tool). Run as a single source file:
 *
 *   java -cp "$STRATO_STATE/kafka/lib/*" tests/e2e/KafkaCount.java BOOTSTRAP lag GROUP...
 *       one line per partition a group has committed: group, topic, partition, committed offset, end offset
 *   java -cp ... KafkaCount.java BOOTSTRAP ids SINCE_EPOCH_MS TOPIC...
 *       one line per record written since then: topic, the CloudEvent's id (the record value is the envelope)
 *
 * Lines are tab-separated; nothing is committed and no group is joined.
 */
public class KafkaCount {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaCount BOOTSTRAP lag GROUP... | BOOTSTRAP ids SINCE_MS TOPIC...");
            System.exit(2);
        }
        String bootstrap = args[0];
        switch (args[1]) {
            case "lag" -> lag(bootstrap, List.of(args).subList(2, args.length));
            case "ids" -> ids(bootstrap, Long.parseLong(args[2]), List.of(args).subList(3, args.length));
            default -> {
                System.err.println("unknown command " + args[1]);
                System.exit(2);
            }
        }
    }

    static void lag(String bootstrap, List<String> groups) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        try (Admin admin = Admin.create(p)) {
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.forEach((tp, om) -> {
                    if (om != null) {
                        latest.put(tp, OffsetSpec.latest());
                    }
                });
                if (latest.isEmpty()) {
                    continue;
                }
                var ends = admin.listOffsets(latest).all().get();
                for (var e : ends.entrySet()) {
                    TopicPartition tp = e.getKey();
                    System.out.println(group + "\t" + tp.topic() + "\t" + tp.partition() + "\t"
                            + committed.get(tp).offset() + "\t" + e.getValue().offset());
                }
            }
        }
    }

    static void ids(String bootstrap, long since, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        ObjectMapper json = new ObjectMapper();
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> parts = consumer.partitionsFor(topic, Duration.ofSeconds(20));
                for (PartitionInfo pi : parts == null ? List.<PartitionInfo>of() : parts) {
                    tps.add(new TopicPartition(topic, pi.partition()));
                }
            }
            if (tps.isEmpty()) {
                return;
            }
            consumer.assign(tps);
            Map<TopicPartition, Long> query = new HashMap<>();
            tps.forEach(tp -> query.put(tp, since));
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(query, Duration.ofSeconds(20));
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(20));
            List<TopicPartition> open = new ArrayList<>();
            for (TopicPartition tp : tps) {
                OffsetAndTimestamp at = from.get(tp);
                long start = at == null ? end.get(tp) : at.offset();
                consumer.seek(tp, start);
                if (start < end.get(tp)) {
                    open.add(tp);
                }
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (!open.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String id;
                    try {
                        id = json.readTree(r.value()).path("id").asText("");
                    } catch (Exception e) {
                        id = "";
                    }
                    System.out.println(r.topic() + "\t" + (id.isEmpty() ? "?" : id));
                }
                open.removeIf(tp -> consumer.position(tp) >= end.get(tp));
            }
            if (!open.isEmpty()) {
                System.err.println("not read to their end within 60 s: " + open);
                System.exit(1);
            }
        }
    }
}
