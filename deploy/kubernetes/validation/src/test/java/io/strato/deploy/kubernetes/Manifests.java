package io.strato.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The rendered manifests of an overlay ({@code kubectl kustomize}), as the cluster would receive them. */
final class Manifests {
    static final YAMLMapper YAML = new YAMLMapper();
    /** deploy/kubernetes, from this module's directory (Maven runs tests there). */
    static final Path KUBERNETES = Path.of("..").toAbsolutePath().normalize();

    private Manifests() {
    }

    /** Whether kubectl (with its built-in kustomize) is on the PATH. */
    static boolean kubectlPresent() {
        return onPath("kubectl");
    }

    /** Whether an executable of that name is on the PATH. */
    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    /** {@code kubectl kustomize overlays/<overlay>}, parsed. */
    static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(false).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize overlays/" + overlay + " failed: " + err);
        }
        return parse(new String(out, StandardCharsets.UTF_8));
    }

    /** The documents of a multi-document YAML text (empty documents left out). */
    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    docs.add(d);
                }
            }
        }
        return docs;
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }
}
