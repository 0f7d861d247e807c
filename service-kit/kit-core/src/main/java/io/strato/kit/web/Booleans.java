package io.strato.kit.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Booleans written as strings, by OpenStack's one rule (oslo.utils {@code strutils.bool_from_string}, which
 * Nova, Neutron, Cinder and Glance all use): {@code 1 t true on y yes} are true, {@code 0 f false off n no}
 * are false, case and surrounding blanks aside.
 */
public final class Booleans {

    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");

    private Booleans() {
    }

    /** The boolean {@code value} spells, or empty when it is null or spells neither. */
    public static Optional<Boolean> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return Optional.of(Boolean.TRUE);
        }
        if (FALSE.contains(v)) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }

    /** oslo's non-strict form, for query flags such as {@code ?detail=}: true only when it spells true. */
    public static boolean isTrue(String value) {
        return parse(value).orElse(Boolean.FALSE);
    }

    /** oslo's strict form: the boolean {@code value} spells, else a 400 naming {@code field}. */
    public static boolean require(String value, String field) {
        return parse(value).orElseThrow(() -> invalid(field, value));
    }

    /**
     * A boolean of a JSON body: a JSON boolean, or a string oslo reads as one. Anything else (a number, an
     * object, another string) is a 400 naming {@code field}.
     */
    public static boolean require(JsonNode value, String field) {
        if (value != null && value.isBoolean()) {
            return value.booleanValue();
        }
        if (value != null && value.isTextual()) {
            return require(value.textValue(), field);
        }
        throw invalid(field, value == null ? null : value.toString());
    }

    private static InvalidInput invalid(String field, String value) {
        return new InvalidInput("Invalid value '" + value + "' for " + field + ": it must be a boolean.");
    }
}
