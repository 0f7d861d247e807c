package io.strato.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies larger than this JVM's whole heap (surefire runs it with -Xmx96m) pass through the gateway; any buffering
 * in the proxy would end in OutOfMemoryError. Client, gateway and upstream all live in this one JVM.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamServers.class)
class StreamingTest {

    private static final long SIZE = 256L * 1024 * 1024;

    private static Vertx vertx;
    private static HttpClient client;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void startClient() {
        assertTrue(SIZE > Runtime.getRuntime().maxMemory(),
                "the body must be larger than the heap (" + Runtime.getRuntime().maxMemory() + " bytes)");
        vertx = Vertx.vertx();
        client = vertx.createHttpClient();
    }

    @AfterAll
    static void stopClient() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void uploadWithContentLengthReachesUpstreamIntact() throws Exception {
        Promise<byte[]> sent = Promise.promise();
        JsonObject seen = await(client.request(options(HttpMethod.PUT, "/identity/upload"))
                .compose(req -> {
                    req.putHeader("content-length", Long.toString(SIZE));
                    GeneratedBody.writeTo(req, SIZE).onComplete(sent);
                    return req.response();
                })
                .compose(resp -> {
                    assertEquals(200, resp.statusCode());
                    return resp.body();
                })
                .map(JsonObject::new));
        assertEquals(SIZE, seen.getLong("bytes"));
        assertEquals(Long.toString(SIZE), seen.getString("contentLength"));
        assertNull(seen.getString("transferEncoding"));
        assertEquals(HexFormat.of().formatHex(await(sent.future())), seen.getString("sha256"));
    }

    @Test
    void chunkedBodyStreamsThereAndBackAtOnce() throws Exception {
        Promise<byte[]> sent = Promise.promise();
        MessageDigest received = UpstreamServers.sha256();
        long[] receivedBytes = {0};
        String[] transferEncoding = {null};
        await(client.request(options(HttpMethod.POST, "/compute/echo-body"))
                .compose(req -> {
                    req.setChunked(true);
                    GeneratedBody.writeTo(req, SIZE).onComplete(sent);
                    return req.response();
                })
                .compose(resp -> {
                    transferEncoding[0] = resp.getHeader("transfer-encoding");
                    Promise<Void> end = Promise.promise();
                    resp.handler(buf -> {
                        receivedBytes[0] += buf.length();
                        received.update(buf.getBytes());
                    });
                    resp.exceptionHandler(end::tryFail);
                    resp.endHandler(v -> end.tryComplete());
                    return end.future();
                }));
        assertEquals("chunked", transferEncoding[0]);
        assertEquals(SIZE, receivedBytes[0]);
        assertArrayEquals(await(sent.future()), received.digest());
    }

    private RequestOptions options(HttpMethod method, String uri) {
        return new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(gateway.getPort()).setURI(uri);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
}
