package io.strato.deploy.kubernetes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kubernetes' own schemas for the core kinds (Deployment, Service, HorizontalPodAutoscaler...): the npm package
 * kubernetes-models, pinned by src/test/node/package.json and package-lock.json, installed with {@code npm ci} into
 * target/kubernetes-models (once: again only when the lock file changes), and run by src/test/node/validate-core.mjs.
 */
final class KubernetesSchemas {
    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path INSTALL = Path.of("target/kubernetes-models").toAbsolutePath();
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "validate-core.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String version;

    /** Installs the pinned package when target/ does not have it yet. */
    KubernetesSchemas() throws IOException, InterruptedException {
        Files.createDirectories(INSTALL);
        Path installed = INSTALL.resolve("node_modules/kubernetes-models/package.json");
        boolean current = Files.exists(installed) && Files.exists(INSTALL.resolve("package-lock.json"))
                && Arrays.equals(Files.readAllBytes(SOURCES.resolve("package-lock.json")),
                        Files.readAllBytes(INSTALL.resolve("package-lock.json")));
        for (String f : FILES) {
            Files.copy(SOURCES.resolve(f), INSTALL.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!current) {
            run(List.of("npm", "ci", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"), null, 600);
        }
        version = JSON.readTree(installed.toFile()).path("version").asText();
    }

    /** Whether node and npm are on the PATH. */
    static boolean nodePresent() {
        return Manifests.onPath("node") && Manifests.onPath("npm");
    }

    /** The installed kubernetes-models version. */
    String version() {
        return version;
    }

    /** What is wrong with each object (an empty list when it is valid), in the order given. */
    List<List<String>> problems(List<JsonNode> objects) throws IOException, InterruptedException {
        String out = run(List.of("node", "validate-core.mjs"), JSON.writeValueAsBytes(objects), 120);
        List<List<String>> problems = JSON.readValue(out, new TypeReference<>() { });
        if (problems.size() != objects.size()) {
            throw new IllegalStateException("validate-core.mjs answered for " + problems.size() + " of "
                    + objects.size() + " objects: " + out);
        }
        return problems;
    }

    private static String run(List<String> command, byte[] stdin, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path errors = Files.createTempFile(INSTALL, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(INSTALL.toFile())
                .redirectError(errors.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        byte[] out;
        try (InputStream s = p.getInputStream()) {
            out = s.readAllBytes();
        }
        boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        String err = Files.readString(errors);
        Files.delete(errors);
        if (!ended || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " in " + INSTALL + " failed: "
                    + new String(out, StandardCharsets.UTF_8) + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
