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

    /**
     * For an API Nova serves up to 2.{@code lastMinor} only (the 2.1 proxy APIs end at 2.35): Nova's 404 above it.
     */
    public void servedUpTo(int lastMinor) {
        if (version.atLeast(lastMinor + 1)) {
            throw new io.strato.kit.faults.NotFound("The resource could not be found.");
        }
    }

    /** Whether the request is at 2.{@code minor} or later. */
    public boolean atLeast(int minor) {
        return version.atLeast(minor);
    }
}
