package io.strato.volume.api;

import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.RequestScoped;

/** The microversion of the current request (3.{@code minor}), set by {@link Microversions}; 3.0 when none is asked for. */
@RequestScoped
public class ApiVersion {
    private int minor;

    void set(int minor) {
        this.minor = minor;
    }

    /** The request's minor version (0 for 3.0). */
    public int minor() {
        return minor;
    }

    /** Whether the request is at 3.{@code minor} or later. */
    public boolean atLeast(int minor) {
        return this.minor >= minor;
    }

    /** A 404, as Cinder answers a method of a later microversion than the request's. */
    public void require(int minor) {
        if (!atLeast(minor)) {
            throw new NotFound("API version 3." + this.minor + " is not supported on this method (it needs 3." + minor + ").");
        }
    }
}
