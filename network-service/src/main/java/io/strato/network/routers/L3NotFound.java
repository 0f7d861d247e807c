package io.strato.network.routers;

import io.strato.kit.faults.NotFound;
import io.strato.network.api.NeutronType;

/**
 * A 404 with one of neutron-lib's L3 types whose message is not "X could not be found"
 * ({@code RouterInterfaceNotFound}, {@code ExternalGatewayForFloatingIPNotFound}...), which
 * {@code Neutron.notFound(kind, id)} cannot express.
 */
public final class L3NotFound extends NotFound implements NeutronType {
    private final String type;

    public L3NotFound(String type, String message) {
        super(message);
        this.type = type;
    }

    @Override
    public String neutronType() {
        return type;
    }
}
