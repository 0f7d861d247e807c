package io.strato.compute.metadata;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.strato.kit.serviceauth.ProxySignature;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The OpenStack metadata API on its own port (Nova's 8775), for the network agents' proxies only: a request
 * names its instance in {@code X-Instance-ID} and proves it with {@code X-Instance-ID-Signature}, the HMAC of the
 * id with the shared secret, so only a proxy (which found the instance by the guest's network and address) can
 * ask, and only for the instance it names. Neither Keystone tokens nor the gateway are involved. Its HTTP metrics
 * name requests by {@link MetadataRoutes}' templates.
 */
@ApplicationScoped
public class MetadataServer {

    private static final Logger LOG = Logger.getLogger(MetadataServer.class);

    private final MetadataConfig config;
    private final InstanceLookup lookup;
    private final Vertx vertx;
    private HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "metadata-api");
        t.setDaemon(true);
        return t;
    });

    MetadataServer(MetadataConfig config, InstanceLookup lookup, Vertx vertx) {
        this.config = config;
        this.lookup = lookup;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ignored) throws Exception {
        if (!config.enabled()) {
            return;
        }
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        vertx.createHttpServer().requestHandler(this::handle).listen(config.port(), config.host())
                .onSuccess(started::complete).onFailure(started::completeExceptionally);
        server = started.get(30, TimeUnit.SECONDS);
        LOG.infof("metadata API listening on %s:%d", config.host(), server.actualPort());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
    }

    /** The port it listens on (a test's free port). */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        MetadataRoutes.name(request); // before any answer: the metrics' uri is the template, never the raw path
        String instance = request.getHeader("X-Instance-ID");
        String signature = request.getHeader("X-Instance-ID-Signature");
        if (instance == null || signature == null) {
            reply(request, 400, "text/plain", "X-Instance-ID and X-Instance-ID-Signature are required\n");
            return;
        }
        if (!ProxySignature.valid(config.sharedSecret(), instance, signature)) {
            LOG.warnf("metadata request for %s from %s with a wrong signature", instance,
                    request.getHeader("X-Forwarded-For"));
            reply(request, 403, "text/plain", "Invalid proxy request signature.\n");
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(instance);
        } catch (IllegalArgumentException e) {
            reply(request, 404, "text/plain", "no such instance\n");
            return;
        }
        String tenant = request.getHeader("X-Tenant-ID");
        String path = request.path();
        // the lookup is blocking here (a small pool off the event loop): the proxies' traffic is a few requests per boot
        workers.execute(() -> {
            try {
                InstanceData data = VertxContextSupport.subscribeAndAwait(() -> lookup.find(id));
                if (data == null || tenant != null && !tenant.isEmpty() && !tenant.equals(data.projectId())) {
                    reply(request, 404, "text/plain", "no such instance\n");
                } else {
                    MetadataDocuments.at(data, path).ifPresentOrElse(
                            d -> reply(request, 200, d.contentType(), d.body()),
                            () -> reply(request, 404, "text/plain", "Not Found\n"));
                }
            } catch (Throwable failure) {
                LOG.errorf(failure, "metadata for %s", id);
                reply(request, 500, "text/plain", "metadata unavailable\n");
            }
        });
    }

    private static void reply(HttpServerRequest request, int status, String type, String text) {
        reply(request, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpServerRequest request, int status, String type, byte[] body) {
        if (request.response().ended()) {
            return;
        }
        request.response().setStatusCode(status).putHeader("Content-Type", type)
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
