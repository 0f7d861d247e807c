package io.strato.compute.api;

import io.strato.kit.faults.ApiException;

/** HTTP 410 (Nova's {@code computeFault}): an action or API Nova removed ({@code @wsgi.removed}). */
public final class Gone extends ApiException {
    public Gone() {
        super(410, "This resource is no longer available.");
    }
}
