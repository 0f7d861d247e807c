package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Type;

/** A port of a server as network-service made it, cached for the server's {@code addresses}. */
@Entity
@Table(name = "server_port")
@IdClass(ServerPort.Key.class)
public class ServerPort {
    @Id
    @Column(name = "server_id")
    public UUID serverId;
    @Id
    @Column(name = "port_id")
    public UUID portId;
    @Column(name = "network_id")
    public UUID networkId;
    @Column(name = "network_name")
    public String networkName = "";
    @Column(name = "mac_address")
    public String macAddress;
    @Type(ServerColumns.Addresses.class)
    @Column(name = "fixed_ips")
    public List<Address> fixedIps = new ArrayList<>();
    /** False for a port the user gave: on delete it is unbound, not deleted. */
    @Column(name = "created_by_compute")
    public boolean createdByCompute = true;

    public record Address(@JsonProperty("ip_address") String ipAddress, @JsonProperty("subnet_id") String subnetId,
                          @JsonProperty("version") int version) {
    }

    public static class Key implements Serializable {
        public UUID serverId;
        public UUID portId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(serverId, k.serverId) && Objects.equals(portId, k.portId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(serverId, portId);
        }
    }
}
