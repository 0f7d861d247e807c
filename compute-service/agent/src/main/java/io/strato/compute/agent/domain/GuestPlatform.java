package io.strato.compute.agent.domain;

import io.strato.compute.agent.libvirt.LibvirtHost;
import java.util.Optional;

/**
 * What kind of guest this host runs: libvirt domain type, architecture and machine type. Fixed for the
 * agent's life (taken from configuration and libvirt's capabilities at start).
 */
public record GuestPlatform(DomainType type, String arch, Optional<String> machine) {

    /** The bus a config drive goes on for this platform's guests. */
    public ConfigDriveBus configDriveBus() {
        return ConfigDriveBus.of(arch, machine);
    }

    /**
     * The platform of the host behind {@code libvirt}: the domain type for its driver and {@code virtType}
     * (Nova's {@code virt_type}), the architecture libvirt offers {@code hvm} guests of that type with, and
     * {@code machineType} (ignored on the test driver).
     */
    public static GuestPlatform detect(LibvirtHost libvirt, String virtType, Optional<String> machineType) {
        DomainType type = DomainType.forDriver(libvirt.driverType(), virtType);
        return new GuestPlatform(type, libvirt.guestArch(type.xml()),
                type == DomainType.TEST ? Optional.empty() : machineType);
    }
}
