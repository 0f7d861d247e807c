package io.strato.image.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An HTTP/1.1 image upload over a plain socket, so that a test decides when each part of the body is
 * sent (and can leave an upload half done while it does something else).
 */
final class RawUpload implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final boolean chunked;

    private RawUpload(URL root, String token, UUID id, String lengthHeader) throws IOException {
        this.socket = new Socket(root.getHost(), root.getPort());
        this.out = socket.getOutputStream();
        this.chunked = lengthHeader.startsWith("Transfer-Encoding");
        String head = "PUT /v2/images/" + id + "/file HTTP/1.1\r\n"
                + "Host: " + root.getHost() + ":" + root.getPort() + "\r\n"
                + "X-Auth-Token: " + token + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + lengthHeader + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends the headers of an upload announcing {@code length} bytes; the body not yet. */
    static RawUpload start(URL root, String token, UUID id, long length) throws IOException {
        return new RawUpload(root, token, id, "Content-Length: " + length);
    }

    /** Sends the headers of a chunked upload (length unknown, as python-glanceclient sends it). */
    static RawUpload startChunked(URL root, String token, UUID id) throws IOException {
        return new RawUpload(root, token, id, "Transfer-Encoding: chunked");
    }

    /** Sends {@code bytes} of the body (one chunk of a chunked upload). */
    RawUpload send(byte[] bytes) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(bytes);
        }
        out.flush();
        return this;
    }

    /** Ends a chunked body. */
    RawUpload end() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    /** The answer's status line, e.g. {@code HTTP/1.1 204 No Content}. */
    String statusLine() throws IOException {
        socket.setSoTimeout(30_000);
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
