package io.strato.kit.testapp;

import io.strato.kit.rest.NamedFaults;
import jakarta.enterprise.context.ApplicationScoped;

/** The test application speaks Nova's dialect ({@code {"itemNotFound": {...}}}), the kit's own {@link NamedFaults}. */
@ApplicationScoped
public class TestFaultDialect extends NamedFaults {
}
