package io.strato.compute.api;

import io.strato.kit.rest.NamedFaults;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Nova's error body: one key naming the fault, {@code {"itemNotFound": {"code": 404, "message": "..."}}},
 * the kit's {@link NamedFaults} (Nova and Cinder share wsgi's {@code Fault}).
 */
@ApplicationScoped
public class NovaFaults extends NamedFaults {

    /**
     * Nova's {@code Fault._fault_names} has no 406 (an unsupported microversion), so Nova calls it
     * {@code computeFault}; the kit's table, Cinder's, says {@code notAcceptable}.
     */
    @Override
    protected String faultName(int status) {
        return status == 406 ? "computeFault" : super.faultName(status);
    }
}
