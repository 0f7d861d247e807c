package io.strato.compute.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Nova's timestamps in bodies: UTC without a zone, to the microsecond ({@code 2016-12-27T22:51:32.877711}). */
public final class NovaTime {
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private NovaTime() {
    }

    /** The instant as Nova writes it, or null. */
    public static String naive(Instant t) {
        return t == null ? null : NAIVE.format(t);
    }
}
