package io.strato.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every object of the production and dev overlays that no operator CRD covers (Deployment, DaemonSet, Service,
 * ConfigMap, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy, Ingress, PersistentVolumeClaim,
 * Namespace), checked offline against Kubernetes' schema of its apiVersion and kind (kubernetes-models, see
 * {@link KubernetesSchemas}), strict about unknown fields as {@code kubectl apply} is.
 */
class CoreKindsTest {
    static KubernetesSchemas kubernetes;
    static CrdSchemas crds;

    @BeforeAll
    static void install() throws Exception {
        if (Manifests.kubectlPresent() && KubernetesSchemas.nodePresent()) {
            kubernetes = new KubernetesSchemas();
            crds = new CrdSchemas(Path.of("src/test/resources/crds"));
        }
    }

    /** Per test rather than in {@link #install()}: Surefire then counts each test as skipped, with the reason. */
    @BeforeEach
    void toolsPresent() {
        assumeTrue(Manifests.kubectlPresent(), "kubectl (with kustomize) is not on the PATH: nothing to render");
        assumeTrue(KubernetesSchemas.nodePresent(),
                "node and npm are not on the PATH: the Kubernetes schemas (npm kubernetes-models) cannot run");
    }

    @ParameterizedTest
    @CsvSource({"production, 50", "dev, 45"})
    void everyCoreObjectMatchesKubernetesSchema(String overlay, int expected) throws Exception {
        List<JsonNode> docs = Manifests.render(overlay);
        List<JsonNode> core = docs.stream().filter(d -> !crds.coversGroup(d)).toList();
        List<List<String>> problems = kubernetes.problems(core);
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (int i = 0; i < core.size(); i++) {
            if (!problems.get(i).isEmpty()) {
                wrong.put(core.get(i).path("kind").asText() + " " + Manifests.name(core.get(i)), problems.get(i));
            }
        }
        assertEquals(Map.of(), wrong, overlay + " against kubernetes-models " + kubernetes.version());
        assertEquals(expected, core.size(), overlay + ": core objects validated");
        // nothing is left unchecked: what is not a core object is an operator's, checked by ProductionOverlayTest
        assertEquals(docs.size() - core.size(), docs.stream().filter(crds::coversGroup).count());
        assertTrue(!"dev".equals(overlay) || core.size() == docs.size(), "dev uses no operator");
    }

    /** The API server refuses a container without an image; Kubernetes' OpenAPI does not say so (see below). */
    @ParameterizedTest
    @CsvSource({"production", "dev"})
    void everyContainerHasAnImage(String overlay) throws Exception {
        List<String> without = new ArrayList<>();
        for (JsonNode d : Manifests.render(overlay)) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : pod.path(list)) {
                    if (c.path("image").asText().isBlank()) {
                        without.add(d.path("kind").asText() + " " + Manifests.name(d) + " " + c.path("name").asText());
                    }
                }
            }
        }
        assertEquals(List.of(), without);
    }

    @Test
    void aMistakeInACoreObjectIsCaught() throws Exception {
        List<JsonNode> docs = Manifests.render("production");
        ObjectNode deployment = Manifests.ofKind(docs, "Deployment").get(0).deepCopy();
        JsonNode hpa = Manifests.ofKind(docs, "HorizontalPodAutoscaler").get(0);
        List<JsonNode> wrong = new ArrayList<>();

        ObjectNode typo = deployment.deepCopy();                      // replicas misspelled
        ((ObjectNode) typo.path("spec")).put("replica", 2);
        wrong.add(typo);
        ObjectNode probeTypo = deployment.deepCopy();                 // deep down: httpGet.paht
        ((ObjectNode) container(probeTypo).path("readinessProbe").path("httpGet")).put("paht", "/q/health/ready");
        wrong.add(probeTypo);
        ObjectNode notInteger = deployment.deepCopy();
        ((ObjectNode) notInteger.path("spec")).put("replicas", "two");
        wrong.add(notInteger);
        ObjectNode noName = deployment.deepCopy();                    // a container's name is required
        container(noName).remove("name");
        wrong.add(noName);
        ObjectNode badQuantity = deployment.deepCopy();
        ((ObjectNode) container(badQuantity).path("resources").path("limits")).put("memory", "lots");
        wrong.add(badQuantity);
        ObjectNode removed = hpa.deepCopy();                          // removed in Kubernetes 1.25
        removed.put("apiVersion", "autoscaling/v2beta1");
        wrong.add(removed);
        ObjectNode unknownKind = hpa.deepCopy();
        unknownKind.put("kind", "HorizontalPodAutoScaler");
        wrong.add(unknownKind);
        ObjectNode noImage = deployment.deepCopy();                   // not in the schema: see everyContainerHasAnImage
        container(noImage).remove("image");
        wrong.add(noImage);

        List<List<String>> problems = kubernetes.problems(wrong);
        assertEquals(List.of("/spec/replica: unknown field"), problems.get(0));
        assertEquals(List.of("/spec/template/spec/containers/0/readinessProbe/httpGet/paht: unknown field"),
                problems.get(1));
        assertEquals(List.of("/spec/replicas: must be integer"), problems.get(2));
        assertEquals(List.of("/spec/template/spec/containers/0: must have required property name"), problems.get(3));
        assertTrue(problems.get(4).contains(
                "/spec/template/spec/containers/0/resources/limits/memory: must match format \"quantity\""),
                problems.get(4).toString());
        assertEquals(List.of("autoscaling/v2beta1 is not a stable API version"
                + " (its HorizontalPodAutoscaler is removed from Kubernetes or may be)"), problems.get(5));
        assertEquals(List.of("kubernetes-models has no HorizontalPodAutoScaler in autoscaling/v2"), problems.get(6));
        assertEquals(List.of(), problems.get(7), "Kubernetes' OpenAPI does not require a container's image");
    }

    private static ObjectNode container(ObjectNode deployment) {
        ArrayNode containers = (ArrayNode) deployment.path("spec").path("template").path("spec").path("containers");
        return (ObjectNode) containers.get(0);
    }
}
