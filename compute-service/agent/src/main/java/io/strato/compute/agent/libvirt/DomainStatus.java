package io.strato.compute.agent.libvirt;

import java.util.UUID;

/**
 * One of this agent's domains as libvirt sees it now.
 *
 * @param serverId     the server the domain runs (its libvirt UUID)
 * @param name         libvirt name, {@code instance-<server id>}
 * @param power        current power state
 * @param vcpus        virtual CPUs
 * @param maxMemoryKiB memory the domain is defined with
 */
public record DomainStatus(UUID serverId, String name, DomainPower power, int vcpus, long maxMemoryKiB) {
}
