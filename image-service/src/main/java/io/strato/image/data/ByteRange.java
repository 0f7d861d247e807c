package io.strato.image.data;

import io.strato.kit.faults.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range ({@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}) resolved against a
 * size. Several ranges in one header are not served, as in Glance.
 *
 * @param offset first byte
 * @param length number of bytes
 */
record ByteRange(long offset, long length) {
    private static final Pattern SPEC = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** Thrown for a range the image can't satisfy or a header that can't be read: HTTP 416. */
    static final class Unsatisfiable extends ApiException {
        Unsatisfiable(String header) {
            super(416, "Requested range not satisfiable: " + header);
        }
    }

    static ByteRange parse(String header, long size) {
        Matcher m = SPEC.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw new Unsatisfiable(header);
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable(header);
                }
                long n = Math.min(suffix, size);
                return new ByteRange(size - n, n);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                throw new Unsatisfiable(header);
            }
            return new ByteRange(first, last - first + 1);
        } catch (NumberFormatException e) {
            throw new Unsatisfiable(header);
        }
    }

    String contentRange(long size) {
        return "bytes " + offset + "-" + (offset + length - 1) + "/" + size;
    }
}
