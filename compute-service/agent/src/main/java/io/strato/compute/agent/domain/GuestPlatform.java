package io.strato.compute.agent.domain;

import java.util.Optional;

/**
 * What kind of guest this host runs: libvirt domain type, architecture and machine type. Fixed for the
 * agent's life (taken from configuration and libvirt's capabilities at start).
 */
public record GuestPlatform(DomainType type, String arch, Optional<String> machine) {
}
