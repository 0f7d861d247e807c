package io.strato.gateway.proxy;

import io.strato.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes the pooled HTTP clients, on Quarkus's own Vert.x instance, that the gateway uses towards every upstream: one
 * per event loop ({@link RouteForwarder}), all closed with the application.
 */
@Singleton
public class UpstreamClient {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final List<HttpClient> made = new CopyOnWriteArrayList<>();

    public UpstreamClient(Vertx vertx, GatewayConfig config) {
        GatewayConfig.ClientConfig c = config.client();
        this.vertx = vertx;
        this.options = new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(c.connectTimeout().toMillis()))
                .setMaxPoolSize(c.maxPoolSize())
                .setKeepAlive(true)
                .setKeepAliveTimeout(Math.toIntExact(Math.max(1, c.keepAliveTimeout().toSeconds())))
                // bodies are passed through untouched, compressed or not
                .setDecompressionSupported(false);
    }

    /** A new client with its own connection pool (of up to the configured size per upstream). */
    public HttpClient newClient() {
        HttpClient client = vertx.createHttpClient(options);
        made.add(client);
        return client;
    }

    @PreDestroy
    void close() {
        made.forEach(HttpClient::close);
    }
}
