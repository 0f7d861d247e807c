package io.strato.gateway.proxy;

import io.strato.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** The one pooled HTTP client, on Quarkus's own Vert.x instance, that the gateway uses towards every upstream. */
@Singleton
public class UpstreamClient {

    private final HttpClient client;

    public UpstreamClient(Vertx vertx, GatewayConfig config) {
        GatewayConfig.ClientConfig c = config.client();
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(c.connectTimeout().toMillis()))
                .setMaxPoolSize(c.maxPoolSize())
                .setKeepAlive(true)
                .setKeepAliveTimeout(Math.toIntExact(Math.max(1, c.keepAliveTimeout().toSeconds())))
                // bodies are passed through untouched, compressed or not
                .setDecompressionSupported(false);
        this.client = vertx.createHttpClient(options);
    }

    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
