package io.strato.compute.api;

import io.strato.kit.faults.ApiException;

/**
 * A compute API microversion ({@code 2.N}). Strato honours {@link #MIN} to {@link #MAX}: a response shape
 * that changed at 2.N is only given to requests at 2.N or later.
 */
public record Microversion(int major, int minor) implements Comparable<Microversion> {
    public static final Microversion MIN = new Microversion(2, 1);
    /** The highest microversion whose every change Strato really honours. Raise it only with those changes. */
    public static final Microversion MAX = new Microversion(2, 96);

    /** Parses {@code 2.N} or {@code latest}; anything else, or a version outside MIN..MAX, is Nova's 406 (400 for garbage). */
    public static Microversion parse(String value) {
        String v = value.trim();
        if ("latest".equalsIgnoreCase(v)) {
            return MAX;
        }
        String[] parts = v.split("\\.");
        Microversion m;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException(v);
            }
            m = new Microversion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new Invalid(400, "Invalid format of API version: " + v + ". API version must be in the format \"X.Y\".");
        }
        if (m.compareTo(MIN) < 0 || m.compareTo(MAX) > 0) {
            throw new Invalid(406, "Version " + v + " is not supported by the API. Minimum is " + MIN + " and maximum is " + MAX + ".");
        }
        return m;
    }

    public boolean atLeast(int minor) {
        return this.minor >= minor;
    }

    @Override
    public int compareTo(Microversion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    /** A refused version header. */
    public static final class Invalid extends ApiException {
        Invalid(int status, String message) {
            super(status, message);
        }
    }
}
