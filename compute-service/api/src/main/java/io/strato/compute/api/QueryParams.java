package io.strato.compute.api;

import io.strato.kit.faults.InvalidInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** Nova's checks of query strings: the {@code additionalProperties: false} of its query schemas, ISO 8601 times. */
public final class QueryParams {
    private QueryParams() {
    }

    /** 400 as Nova's query schema answers for a parameter it does not know (2.75 and later query schemas). */
    public static void onlyKnown(Map<String, ?> query, Set<String> known) {
        for (String k : query.keySet()) {
            if (!known.contains(k)) {
                throw new InvalidInput("Additional properties are not allowed ('" + k + "' was unexpected)");
            }
        }
    }

    /**
     * An ISO 8601 time as Nova's {@code timeutils.parse_isotime} reads it (no zone: UTC); null for null, else 400
     * {@code Invalid input for query parameters <name>...}.
     */
    public static Instant time(String name, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.matches("\\d{4}-\\d\\d-\\d\\d")) {
                v = v + "T00:00:00";
            }
            boolean zoned = v.matches(".*([Zz]|[+-]\\d\\d:?\\d\\d)$");
            return OffsetDateTime.parse(zoned ? v.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2") : v + "Z").toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("Invalid input for query parameters " + name + ". Value: " + value + ". '" + value
                    + "' is not a 'date-time'");
        }
    }
}
