package io.strato.gateway.access;

import java.util.UUID;
import java.util.regex.Pattern;

/** OpenStack request ids ({@code x-openstack-request-id}): the client's own when it is safe to log, else a new one. */
public final class RequestIds {

    public static final String HEADER = "x-openstack-request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The client's id if it is a plain token (no spaces or control characters), otherwise {@code req-<uuid>}. */
    public static String resolve(String fromClient) {
        if (fromClient != null && SAFE.matcher(fromClient).matches()) {
            return fromClient;
        }
        return "req-" + UUID.randomUUID();
    }
}
