package io.strato.compute.api;

import jakarta.enterprise.context.RequestScoped;

/** The microversion of the current request, set by {@link MicroversionFilter} (2.1 when none is asked for). */
@RequestScoped
public class ApiVersion {
    private Microversion version = Microversion.MIN;

    public Microversion get() {
        return version;
    }

    void set(Microversion version) {
        this.version = version;
    }

    /** Whether the request is at 2.{@code minor} or later. */
    public boolean atLeast(int minor) {
        return version.atLeast(minor);
    }
}
