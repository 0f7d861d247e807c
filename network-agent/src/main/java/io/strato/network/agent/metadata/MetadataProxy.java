package io.strato.network.agent.metadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strato.kit.serviceauth.ProxySignature;
import io.strato.network.agent.host.Netns;
import io.strato.network.agent.model.PortInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A metadata proxy: listens inside a namespace (a network's DHCP namespace on 169.254.169.254:80, or a router's
 * on port 9697, where its NAT redirects the guests' 169.254.169.254:80), finds the instance by the caller's
 * address on the networks it serves (the only thing a guest cannot forge past the anti-spoofing rules), and
 * forwards the request to compute's metadata service with the instance id, its project and their signature. A
 * caller that is no instance's port gets 404; compute being down gives 502.
 */
public final class MetadataProxy {

    private static final Logger LOG = Logger.getLogger(MetadataProxy.class);
    private final String name;
    private final Function<String, PortInfo> portByAddress;
    private final String upstream;
    private final String secret;
    private final HttpClient http;
    private HttpServer server;
    private ExecutorService workers;

    /**
     * @param name          what it serves, for logs and thread names ({@code network <id>}, {@code router <id>})
     * @param portByAddress the port with a fixed IP on the networks served, or null
     * @param upstream      compute's metadata service, e.g. {@code http://127.0.0.1:8775}
     */
    public MetadataProxy(String name, Function<String, PortInfo> portByAddress, String upstream, String secret,
            HttpClient http) {
        this.name = name;
        this.portByAddress = portByAddress;
        this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
        this.secret = secret;
        this.http = http;
    }

    /** Binds inside {@code namespace} on {@code address} and {@code port}, and starts serving. */
    public synchronized void start(String namespace, String address, int port) {
        server = Netns.call(namespace, () -> HttpServer.create(new InetSocketAddress(address, port), 64));
        workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "metadata-proxy-" + namespace);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        LOG.infof("metadata proxy of %s listening on %s:%d in %s", name, address, port, namespace);
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String caller = exchange.getRemoteAddress().getAddress().getHostAddress();
            PortInfo port = portByAddress.apply(caller);
            if (port == null || port.deviceId().isEmpty()) {
                reply(exchange, 404, "text/plain", "no instance has address " + caller + " on the networks of " + name + "\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method) && !"POST".equals(method)) {
                reply(exchange, 405, "text/plain", "method not allowed\n");
                return;
            }
            String instance = port.deviceId();
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(10))
                    .header("X-Forwarded-For", caller)
                    .header("X-Instance-ID", instance)
                    .header("X-Tenant-ID", port.projectId() == null ? "" : port.projectId())
                    .header("X-Instance-ID-Signature", ProxySignature.sign(secret, instance));
            if ("POST".equals(method)) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readNBytes(64 * 1024);
                }
                forward.POST(HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                forward.GET();
            }
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                LOG.warnf("metadata for %s (%s): compute's metadata service did not answer: %s", instance, caller,
                        e.getMessage());
                reply(exchange, 502, "text/plain", "the metadata service is unavailable\n");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 503, "text/plain", "shutting down\n");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type",
                    answer.headers().firstValue("Content-Type").orElse("text/plain"));
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
