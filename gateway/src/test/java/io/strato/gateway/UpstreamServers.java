package io.strato.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two tiny Vert.x upstreams ("a" behind /identity, "b" behind /compute) plus routes to a closed port and to a
 * hanging endpoint. They report what they received in their answers, so tests need no shared state.
 */
public class UpstreamServers implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int a = listen("a");
        int b = listen("b");
        int closed = freePort();
        Map<String, String> config = new HashMap<>(Map.of(
                "strato.gateway.routes.identity.upstream", "http://127.0.0.1:" + a,
                "strato.gateway.routes.compute.upstream", "http://127.0.0.1:" + b,
                "strato.gateway.routes.based.path", "/based",
                "strato.gateway.routes.based.upstream", "http://127.0.0.1:" + b + "/base/",
                "strato.gateway.routes.down.upstream", "http://127.0.0.1:" + closed,
                "strato.gateway.routes.slow.upstream", "http://127.0.0.1:" + a,
                "strato.gateway.routes.slow.timeout", "500ms",
                "strato.gateway.client.connect-timeout", "10s"));
        // the API routes the tests do not serve point at a closed port (never at a cloud running here)
        for (String route : new String[] {"networking", "volume", "image"}) {
            config.put("strato.gateway.routes." + route + ".upstream", "http://127.0.0.1:" + closed);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int listen(String name) {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> handle(name, req));
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).join().actualPort();
    }

    private static void handle(String name, HttpServerRequest req) {
        String path = req.path();
        if (path.endsWith("/hang")) {
            return; // never answers: the route's timeout must fire
        }
        if (path.endsWith("/upload")) {
            digestBody(req);
            return;
        }
        if (path.endsWith("/echo-body")) {
            req.response().setChunked(true);
            req.pipeTo(req.response());
            return;
        }
        if (path.endsWith("/with-request-id")) {
            req.response().putHeader("x-openstack-request-id", "req-set-by-upstream").end("{}");
            return;
        }
        req.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject seen = new JsonObject().put("server", name).put("method", req.method().name())
                    .put("uri", req.uri()).put("headers", headers).put("body", body.toString());
            req.response()
                    .putHeader("content-type", "application/json")
                    .putHeader("x-subject-token", "subject-token-from-" + name)
                    .putHeader("location", "http://127.0.0.1/v3/things/1")
                    .putHeader("openstack-api-version", "identity 3.14")
                    .putHeader("x-openstack-nova-api-version", "2.95")
                    .putHeader("connection", "keep-alive, x-hop")
                    .putHeader("x-hop", "must-not-pass")
                    .end(seen.toBuffer());
        });
    }

    /** Counts and hashes an uploaded body chunk by chunk, never holding it. */
    private static void digestBody(HttpServerRequest req) {
        MessageDigest sha = sha256();
        long[] bytes = {0};
        req.handler(buf -> {
            bytes[0] += buf.length();
            sha.update(buf.getBytes());
        });
        req.endHandler(v -> req.response().putHeader("content-type", "application/json").end(new JsonObject()
                .put("bytes", bytes[0])
                .put("sha256", HexFormat.of().formatHex(sha.digest()))
                .put("contentLength", req.getHeader("content-length"))
                .put("transferEncoding", req.getHeader("transfer-encoding"))
                .toBuffer()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
