package io.strato.network.agent.model;

import java.util.UUID;

/**
 * What the agent needs of a network: its L2 type ({@code vxlan}, {@code vlan}, {@code flat}, {@code local}),
 * segmentation id (VNI or VLAN id), physical network, MTU and admin state.
 */
public record NetworkInfo(UUID id, String networkType, Integer segmentationId, String physicalNetwork, int mtu,
        boolean adminStateUp, long revision) {
}
