package io.strato.kit.auth;

import io.strato.kit.rest.NamedFaults;
import jakarta.enterprise.context.ApplicationScoped;

/** The test application's fault format: the kit's own {@link NamedFaults} (Nova's dialect). */
@ApplicationScoped
public class NamedFaultDialect extends NamedFaults {
}
