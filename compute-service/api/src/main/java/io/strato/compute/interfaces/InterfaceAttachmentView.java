package io.strato.compute.interfaces;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.strato.compute.clients.Networks;
import java.util.List;

/**
 * One port of a server as Nova's os-interface shows it. {@code tag} is there from 2.70, always null: Strato refuses
 * device tags on a server's networks (docs/compute-api.md), so no port has one.
 */
public record InterfaceAttachmentView(
        @JsonProperty("net_id") String netId,
        @JsonProperty("port_id") String portId,
        @JsonProperty("mac_addr") String macAddr,
        @JsonProperty("port_state") String portState,
        @JsonProperty("fixed_ips") List<FixedIp> fixedIps,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("tag") JsonNode tag) {

    public record FixedIp(@JsonProperty("subnet_id") String subnetId, @JsonProperty("ip_address") String ipAddress) {
    }

    public record One(@JsonProperty("interfaceAttachment") InterfaceAttachmentView interfaceAttachment) {
    }

    public record Many(@JsonProperty("interfaceAttachments") List<InterfaceAttachmentView> interfaceAttachments) {
    }

    static InterfaceAttachmentView of(Networks.InterfaceInfo i, boolean withTag) {
        return new InterfaceAttachmentView(i.networkId().toString(), i.portId().toString(), i.macAddress(), i.status(),
                i.fixedIps().stream().map(ip -> new FixedIp(ip.subnetId(), ip.ipAddress())).toList(),
                withTag ? NullNode.getInstance() : null);
    }
}
