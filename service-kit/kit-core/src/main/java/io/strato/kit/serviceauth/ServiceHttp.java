package io.strato.kit.serviceauth;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * What an agent needs to call another service as itself: the JDK HTTP client (HTTP/1.1, 5 s to connect) and the
 * service token it issues through that client from the {@code service-auth} configuration.
 */
public record ServiceHttp(HttpClient http, BlockingServiceToken token) {

    /** The client and token of the agent's {@code service-auth} settings. */
    public static ServiceHttp of(ServiceAuthConfig auth) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        return new ServiceHttp(http, new BlockingServiceToken(ServiceCredentials.of(auth), auth.renewBefore(), http));
    }
}
