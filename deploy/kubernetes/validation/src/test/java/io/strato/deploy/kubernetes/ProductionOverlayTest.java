package io.strato.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production overlay as {@code kubectl kustomize} renders it, checked offline against the Strimzi and
 * CloudNativePG CRD schemas (src/test/resources/crds) and against what the services expect of it.
 */
class ProductionOverlayTest {
    static List<JsonNode> docs;
    static CrdSchemas schemas;

    @BeforeAll
    static void render() throws Exception {
        assumeTrue(Manifests.kubectlPresent(), "kubectl (with kustomize) is not on the PATH: nothing to render");
        docs = Manifests.render("production");
        schemas = new CrdSchemas(Path.of("src/test/resources/crds"));
    }

    @Test
    void everyOperatorResourceMatchesItsOperatorsSchema() {
        Map<String, Set<String>> wrong = new LinkedHashMap<>();
        int checked = 0;
        for (JsonNode d : docs) {
            if (!schemas.coversGroup(d)) {
                continue;
            }
            checked++;
            Set<String> problems = schemas.problems(d);
            if (!problems.isEmpty()) {
                wrong.put(d.path("kind").asText() + " " + Manifests.name(d), problems);
            }
        }
        assertEquals(Map.of(), wrong);
        // Kafka, KafkaNodePool, 8 KafkaTopics, Cluster, 4 Databases
        assertEquals(15, checked, "custom resources validated");
    }

    @Test
    void aMistakeInACustomResourceIsCaught() {
        ObjectNode topic = Manifests.ofKind(docs, "KafkaTopic").get(0).deepCopy();
        ((ObjectNode) topic.path("spec")).put("replica", 3);               // a typo: replicas
        ((ObjectNode) topic.path("spec")).put("partitions", "three");      // not an integer
        Set<String> problems = schemas.problems(topic);
        assertTrue(problems.stream().anyMatch(p -> p.contains("replica")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("partitions")), problems.toString());

        ObjectNode cluster = Manifests.ofKind(docs, "Cluster").get(0).deepCopy();
        ((ObjectNode) cluster.path("spec")).put("instances", 0);            // CNPG: at least 1
        assertFalse(schemas.problems(cluster).isEmpty(), "a Cluster of 0 instances passed");

        ObjectNode kafka = Manifests.ofKind(docs, "Kafka").get(0).deepCopy();
        kafka.put("apiVersion", "kafka.strimzi.io/v1beta2");                // no longer served by Strimzi 1.2
        assertEquals(Set.of("no served CRD version defines kafka.strimzi.io/v1beta2 Kafka"), schemas.problems(kafka));
    }

    /** docs/events.md's topic table: each topic named there (not the per-host command topics) is a KafkaTopic. */
    @Test
    void everyTopicOfTheEventsDocIsAKafkaTopic() throws Exception {
        String events = Files.readString(Manifests.KUBERNETES.resolve("../../docs/events.md"));
        String table = events.substring(events.indexOf("## Topics"), events.indexOf("## ", events.indexOf("## Topics") + 3));
        Set<String> documented = new TreeSet<>();
        for (String row : table.split("\n")) {
            if (!row.startsWith("| `")) {
                continue;
            }
            Matcher m = Pattern.compile("`(strato\\.[a-z.]+)`").matcher(row.split("\\|")[1]);
            while (m.find()) {
                documented.add(m.group(1));
            }
        }
        Set<String> declared = new TreeSet<>();
        for (JsonNode t : Manifests.ofKind(docs, "KafkaTopic")) {
            declared.add(t.path("spec").path("topicName").asText());
            assertEquals("strato-kafka", t.path("metadata").path("labels").path("strimzi.io/cluster").asText(),
                    "KafkaTopic " + Manifests.name(t) + " is not bound to the cluster");
        }
        assertTrue(documented.size() >= 7, "topics read from docs/events.md: " + documented);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(declared);
        assertEquals(Set.of(), missing, "topics of docs/events.md without a KafkaTopic");
        String kafka = Manifests.name(Manifests.ofKind(docs, "Kafka").get(0));
        assertEquals("strato-kafka", kafka);
        assertTrue(configValue("KAFKA_BOOTSTRAP_SERVERS").equals(kafka + "-kafka-bootstrap:9092"),
                "the services' bootstrap address is not Strimzi's bootstrap Service");
    }

    /** Each service's datasource is a database of the CNPG Cluster, owned by the role whose Secret it logs in with. */
    @Test
    void everyServiceDatabaseIsInTheCluster() {
        JsonNode cluster = Manifests.ofKind(docs, "Cluster").get(0);
        String rw = Manifests.name(cluster) + "-rw";
        Map<String, String> ownerOf = new LinkedHashMap<>();   // database -> owner role
        Map<String, String> secretOf = new LinkedHashMap<>();  // role -> password Secret
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        ownerOf.put(initdb.path("database").asText(), initdb.path("owner").asText());
        secretOf.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            secretOf.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        }
        for (JsonNode db : Manifests.ofKind(docs, "Database")) {
            assertEquals(Manifests.name(cluster), db.path("spec").path("cluster").path("name").asText());
            ownerOf.put(db.path("spec").path("name").asText(), db.path("spec").path("owner").asText());
        }
        List<String> services = new ArrayList<>();
        for (JsonNode deployment : Manifests.ofKind(docs, "Deployment")) {
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            String url = null;
            for (JsonNode from : container.path("envFrom")) {
                JsonNode cm = configMap(from.path("configMapRef").path("name").asText());
                if (cm.path("data").has("QUARKUS_DATASOURCE_REACTIVE_URL")) {
                    url = cm.path("data").path("QUARKUS_DATASOURCE_REACTIVE_URL").asText();
                }
            }
            if (url == null) {
                continue;
            }
            services.add(Manifests.name(deployment));
            Matcher m = Pattern.compile("postgresql://([^:/]+):5432/(\\w+)").matcher(url);
            assertTrue(m.matches(), url);
            assertEquals(rw, m.group(1), Manifests.name(deployment) + " does not use the Cluster's read-write Service");
            String database = m.group(2);
            assertTrue(ownerOf.containsKey(database), "database " + database + " is not in the Cluster");
            String secret = secretRef(container, "QUARKUS_DATASOURCE_PASSWORD");
            assertEquals(secretOf.get(ownerOf.get(database)), secret,
                    Manifests.name(deployment) + " logs in with another Secret than its database owner's");
            assertEquals(secret, secretRef(container, "QUARKUS_DATASOURCE_USERNAME"));
        }
        assertEquals(List.of("compute-service", "identity-service", "image-service", "network-service", "volume-service"),
                services.stream().sorted().toList());
    }

    private static JsonNode configMap(String name) {
        return Manifests.ofKind(docs, "ConfigMap").stream().filter(c -> Manifests.name(c).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static String configValue(String key) {
        return Manifests.ofKind(docs, "ConfigMap").stream().filter(c -> c.path("data").has(key))
                .map(c -> c.path("data").path(key).asText()).findFirst().orElseThrow();
    }

    private static String secretRef(JsonNode container, String env) {
        for (JsonNode e : container.path("env")) {
            if (env.equals(e.path("name").asText())) {
                return e.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        throw new AssertionError("no " + env);
    }
}
