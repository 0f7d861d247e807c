package io.strato.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The openAPIV3Schema of every served version of the CRDs in a directory, by {@code apiVersion} and kind, as JSON
 * schemas (draft 4, which OpenAPI 3.0's schema object extends; the x-kubernetes-* keywords are ignored).
 *
 * <p>Strict as {@code kubectl apply} is since Kubernetes 1.27 (field validation Strict): an object schema that lists
 * its properties refuses any other, unless it says {@code x-kubernetes-preserve-unknown-fields} or
 * {@code additionalProperties}. CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
final class CrdSchemas {
    private final Map<String, JsonSchema> byTypeKey = new HashMap<>();

    CrdSchemas(Path directory) throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            for (JsonNode crd : Manifests.parse(Files.readString(file))) {
                if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    continue;
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (!version.path("served").asBoolean()) {
                        continue;
                    }
                    JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    closeObjects(schema);
                    byTypeKey.put(key(group + "/" + version.path("name").asText(), kind), factory.getSchema(schema));
                }
            }
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /** Whether a document's API group is one these CRDs define (any version). */
    boolean coversGroup(JsonNode doc) {
        String group = doc.path("apiVersion").asText().replaceAll("/[^/]*$", "");
        return byTypeKey.keySet().stream().anyMatch(k -> k.startsWith(group + "/"));
    }

    /** The schema of a document's apiVersion and kind, when a served CRD version defines it. */
    Optional<JsonSchema> schemaOf(JsonNode doc) {
        return Optional.ofNullable(byTypeKey.get(key(doc.path("apiVersion").asText(), doc.path("kind").asText())));
    }

    /** What is wrong with a document (empty when it is valid); an apiVersion/kind no CRD serves is wrong too. */
    Set<String> problems(JsonNode doc) {
        return schemaOf(doc)
                .map(s -> s.validate(doc).stream().map(ValidationMessage::getMessage)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)))
                .orElseGet(() -> new java.util.TreeSet<>(Set.of("no served CRD version defines "
                        + doc.path("apiVersion").asText() + " " + doc.path("kind").asText())));
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode o) {
            boolean describesFields = o.has("properties") && "object".equals(o.path("type").asText());
            if (describesFields && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                o.put("additionalProperties", false);
            }
        }
        node.forEach(CrdSchemas::closeObjects);
    }
}
