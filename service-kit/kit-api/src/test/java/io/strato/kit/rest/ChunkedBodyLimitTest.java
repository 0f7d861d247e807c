package io.strato.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a body sent without a length (chunked) is bounded like a declared one: over 114688 bytes on a JSON route
 * it is a 413 in the API's fault format with a request id, refused as the limit is passed (the client is still
 * sending); a data route streams a body of any size.
 */
@QuarkusTest
class ChunkedBodyLimitTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI root;

    /** {@code size} bytes of a JSON document, sent as a stream of unknown length (Transfer-Encoding: chunked). */
    static HttpRequest.BodyPublisher chunkedJson(int size, AtomicLong sent) {
        String head = "{\"widget\": {\"name\": \"w\", \"pad\": \"";
        String tail = "\"}}";
        return chunked(head, size - head.length() - tail.length(), tail, sent);
    }

    static HttpRequest.BodyPublisher chunked(String head, long fill, String tail, AtomicLong sent) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> {
            InputStream padding = new InputStream() {
                long left = fill;

                @Override
                public int read() {
                    return left-- > 0 ? 'x' : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                    left -= n;
                    sent.addAndGet(n);
                    return n;
                }
            };
            Enumeration<InputStream> parts = Collections.enumeration(java.util.List.of(
                    new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), padding,
                    new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8))));
            return new SequenceInputStream(parts);
        });
    }

    HttpResponse<String> send(String method, String path, String type, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).header("Content-Type", type)
                .timeout(Duration.ofSeconds(60)).method(method, body).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIsA413FaultWithARequestId() throws Exception {
        AtomicLong sent = new AtomicLong();
        HttpResponse<String> response = send("POST", "v1/widgets", "application/json", chunkedJson(50 * 1024 * 1024, sent));
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"overLimit\":{\"code\":413"), response.body());
        assertTrue(response.body().contains("at most 114688 bytes"), response.body());
        assertTrue(response.headers().firstValue("x-openstack-request-id").orElse("").matches("req-[0-9a-f-]{36}"),
                response.headers().map().toString());
        // refused as the limit was passed, not after reading the 50 MB
        assertTrue(sent.get() < 20L * 1024 * 1024, "the client sent " + sent.get() + " bytes before the answer");
    }

    @Test
    void aChunkedJsonBodyUnderTheLimitIsReadWhole() throws Exception {
        HttpResponse<String> response = send("POST", "v1/widgets", "application/json",
                chunkedJson(100 * 1024, new AtomicLong()));
        assertEquals(200, response.statusCode(), response.body());
        String head = "{\"widget\": {\"name\": \"w\", \"pad\": \"";
        assertTrue(response.body().contains("\"pad\":" + (100 * 1024 - head.length() - 3)), response.body());
    }

    @Test
    void aChunkedBodyOnADataRouteStreamsPastTheLimit() throws Exception {
        long size = 8L * 1024 * 1024;
        HttpResponse<String> response = send("PUT", "v1/widgets/w1/file", "application/octet-stream",
                chunked("", size, "", new AtomicLong()));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"bytes\":" + size + "}", response.body());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsStillRefusedBeforeReading() throws Exception {
        String big = "{\"widget\": {\"name\": \"" + "x".repeat(120 * 1024) + "\"}}";
        HttpResponse<String> response = send("POST", "v1/widgets", "application/json",
                HttpRequest.BodyPublishers.ofString(big));
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("\"overLimit\":{\"code\":413"), response.body());
        assertFalse(response.headers().firstValue("x-openstack-request-id").isEmpty());
    }
}
