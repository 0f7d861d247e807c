package io.strato.compute.clients;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Builds the typed REST clients from {@link ClientsConfig}; 4xx/5xx answers are returned, not thrown. */
@ApplicationScoped
class RestClients {

    @Produces
    @ApplicationScoped
    GlanceApi glance(ClientsConfig config) {
        return build(config, config.imageUrl(), GlanceApi.class);
    }

    @Produces
    @ApplicationScoped
    NeutronApi neutron(ClientsConfig config) {
        return build(config, config.networkUrl(), NeutronApi.class);
    }

    @Produces
    @ApplicationScoped
    CinderApi cinder(ClientsConfig config) {
        return build(config, config.volumeUrl(), CinderApi.class);
    }

    @Produces
    @ApplicationScoped
    CinderBlockApi cinderBlock(ClientsConfig config) {
        return build(config, config.volumeUrl(), CinderBlockApi.class);
    }

    @Produces
    @ApplicationScoped
    KeystoneApi keystone(ClientsConfig config) {
        return build(config, config.serviceAuth().url(), KeystoneApi.class);
    }

    private static <T> T build(ClientsConfig config, String url, Class<T> api) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url.replaceAll("/+$", "")))
                .connectTimeout(config.clientConnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.clientReadTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(api);
    }
}
