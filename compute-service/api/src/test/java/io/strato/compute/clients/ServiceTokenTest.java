package io.strato.compute.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callers that share one token request each go on on their own Vert.x context. A saga step's database session
 * lives in its (duplicated) context; a step resumed on the context of the step that started the token request
 * wrote through that other step's session, and the two transactions waited for each other for ever.
 */
class ServiceTokenTest {
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void callersSharingOneIssueRequestGoOnOnTheirOwnContexts() throws Exception {
        AtomicReference<UniEmitter<? super Response>> request = new AtomicReference<>();
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(1);
        KeystoneApi keystone = body -> Uni.createFrom().emitter(e -> {
            requests.incrementAndGet();
            request.set(e);
            asked.countDown();
        });
        ServiceToken tokens = new ServiceToken(keystone, config());

        ContextInternal loop = (ContextInternal) vertx.getOrCreateContext();
        Map<String, Context> contexts = Map.of("first", loop.duplicate(), "second", loop.duplicate(), "third", loop.duplicate());
        Map<String, Context> resumedOn = new ConcurrentHashMap<>();
        Map<String, String> got = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(contexts.size());
        CountDownLatch subscribed = new CountDownLatch(contexts.size());
        for (String caller : new String[] {"first", "second", "third"}) {
            contexts.get(caller).runOnContext(v -> {
                tokens.get().subscribe().with(token -> {
                    got.put(caller, token);
                    resumedOn.put(caller, Vertx.currentContext());
                    done.countDown();
                }, failure -> done.countDown());
                subscribed.countDown();
            });
        }
        assertTrue(asked.await(10, TimeUnit.SECONDS), "the token is requested");
        assertTrue(subscribed.await(10, TimeUnit.SECONDS));
        // identity answers on the context of the caller that sent the request, as the REST client does
        contexts.get("first").runOnContext(v -> request.get().complete(Response.status(201)
                .header("X-Subject-Token", "service-token").build()));
        assertTrue(done.await(10, TimeUnit.SECONDS), "every caller got an answer");

        assertEquals(1, requests.get(), "one issue request for the three callers");
        assertEquals(Map.of("first", "service-token", "second", "service-token", "third", "service-token"), got);
        for (String caller : contexts.keySet()) {
            assertSame(contexts.get(caller), resumedOn.get(caller), caller + " goes on on its own context");
        }
    }

    private static ClientsConfig config() {
        ClientsConfig.ServiceAuth auth = new ClientsConfig.ServiceAuth() {
            public String url() {
                return "http://127.0.0.1:5000/v3";
            }

            public String username() {
                return "admin";
            }

            public Optional<String> password() {
                return Optional.of("secret");
            }

            public String project() {
                return "admin";
            }

            public String userDomain() {
                return "Default";
            }

            public String projectDomain() {
                return "Default";
            }

            public Duration renewBefore() {
                return Duration.ofSeconds(120);
            }
        };
        return new ClientsConfig() {
            public String imageUrl() {
                return "http://127.0.0.1:9292";
            }

            public String networkUrl() {
                return "http://127.0.0.1:9696";
            }

            public String volumeUrl() {
                return "http://127.0.0.1:8776";
            }

            public Duration clientConnectTimeout() {
                return Duration.ofSeconds(2);
            }

            public Duration clientReadTimeout() {
                return Duration.ofSeconds(10);
            }

            public ServiceAuth serviceAuth() {
                return auth;
            }
        };
    }
}
