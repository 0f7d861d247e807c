package io.strato.kit.policy;

/** Turns credential and target values into the strings rules compare, as Python's {@code str()}. */
final class Values {

    private Values() {
    }

    /** Null stays null: a missing value never matches, unlike oslo's {@code "None" == "None"}. */
    static String str(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return value.toString();
    }
}
