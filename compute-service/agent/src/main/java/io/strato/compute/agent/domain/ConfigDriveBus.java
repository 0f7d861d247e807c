package io.strato.compute.agent.domain;

import java.util.Optional;

/**
 * Where the config drive's cdrom sits. IDE on the {@code pc} (i440fx) machine, where every x86 guest kernel finds it;
 * virtio-SCSI elsewhere ({@code q35} has no IDE, and its SATA needs an AHCI driver that small cloud kernels, the
 * strato-tiny image's among them, leave out). Nova puts the drive last on its bus; so does this.
 */
public enum ConfigDriveBus {
    IDE("ide", "hdd"),
    SCSI("scsi", "sdz");

    private final String xml;
    private final String target;

    ConfigDriveBus(String xml, String target) {
        this.xml = xml;
        this.target = target;
    }

    /** libvirt's {@code <target bus=...>}. */
    public String xml() {
        return xml;
    }

    /** The guest device name libvirt is given. */
    public String target() {
        return target;
    }

    /** The bus for guests of {@code arch} on {@code machine} (empty: libvirt's default, {@code pc} on x86). */
    public static ConfigDriveBus of(String arch, Optional<String> machine) {
        boolean x86 = arch != null && arch.matches("i[3-6]86|x86_64");
        boolean pc = machine.map(m -> (m.equals("pc") || m.startsWith("pc-")) && !m.contains("q35")).orElse(true);
        return x86 && pc ? IDE : SCSI;
    }
}
