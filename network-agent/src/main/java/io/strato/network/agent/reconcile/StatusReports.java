package io.strato.network.agent.reconcile;

import io.strato.network.agent.model.PortInfo;

/** Where the agent says that a port it has made (bridge, filter, DHCP entry) is up: network-service sets it ACTIVE. */
@FunctionalInterface
public interface StatusReports {
    void portUp(PortInfo port);
}
