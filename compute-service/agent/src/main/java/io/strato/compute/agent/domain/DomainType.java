package io.strato.compute.agent.domain;

/** libvirt's {@code <domain type=...>}: Nova's {@code virt_type}, plus the test driver's own type. */
public enum DomainType {
    /** Hardware virtualisation through /dev/kvm. */
    KVM("kvm"),
    /** Software emulation (TCG), where KVM is absent or unusable. */
    QEMU("qemu"),
    /** libvirt's test driver (simulated hosts). */
    TEST("test");

    private final String xml;

    DomainType(String xml) {
        this.xml = xml;
    }

    public String xml() {
        return xml;
    }

    /**
     * The type for a libvirt driver: the test driver only accepts {@code test}; QEMU takes the
     * configured {@code virt_type} ({@code kvm} or {@code qemu}).
     */
    public static DomainType forDriver(String driverType, String virtType) {
        if ("TEST".equalsIgnoreCase(driverType)) {
            return TEST;
        }
        return switch (virtType.toLowerCase(java.util.Locale.ROOT)) {
            case "kvm" -> KVM;
            case "qemu" -> QEMU;
            default -> throw new IllegalArgumentException(
                    "strato.agent.virt-type must be kvm or qemu, not '" + virtType + "'");
        };
    }
}
