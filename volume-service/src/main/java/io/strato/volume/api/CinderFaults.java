package io.strato.volume.api;

import io.strato.kit.rest.NamedFaults;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cinder's errors as its clients read them: one top-level key named after the status, as Cinder's
 * wsgi {@code Fault} writes it ({@code {"itemNotFound": {"code": 404, "message": "..."}}}), the body Nova
 * writes too (the kit's {@link NamedFaults}). cinderclient and openstacksdk take the first value's
 * {@code message}. Never a stack trace.
 */
@ApplicationScoped
public class CinderFaults extends NamedFaults {
}
