package io.strato.compute.servers;

import io.strato.kit.data.columns.JsonListColumn;

/** The jsonb list columns of servers and their ports, each the kit's {@link JsonListColumn} of one record. */
public final class ServerColumns {

    private ServerColumns() {
    }

    /** {@code Server.requestedNetworks}: the networks a create asked for. */
    public static final class RequestedNetworks extends JsonListColumn<Server.RequestedNetwork> {
        public RequestedNetworks() {
            super(Server.RequestedNetwork.class);
        }
    }

    /** {@code Server.securityGroups}. */
    public static final class SecurityGroups extends JsonListColumn<Server.SecurityGroup> {
        public SecurityGroups() {
            super(Server.SecurityGroup.class);
        }
    }

    /** {@code ServerPort.addresses}: the fixed IPs of a port. */
    public static final class Addresses extends JsonListColumn<ServerPort.Address> {
        public Addresses() {
            super(ServerPort.Address.class);
        }
    }
}
