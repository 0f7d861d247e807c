package io.strato.compute.agent.domain;

/**
 * A disk I/O limit: flavor extra spec {@code quota:disk_<xml name>} (Nova's libvirt driver keys) becomes
 * {@code <iotune><xml name>}. Declared in the order libvirt writes them.
 */
public enum IoLimit {
    TOTAL_BYTES_SEC, READ_BYTES_SEC, WRITE_BYTES_SEC,
    TOTAL_IOPS_SEC, READ_IOPS_SEC, WRITE_IOPS_SEC,
    TOTAL_BYTES_SEC_MAX, READ_BYTES_SEC_MAX, WRITE_BYTES_SEC_MAX,
    TOTAL_IOPS_SEC_MAX, READ_IOPS_SEC_MAX, WRITE_IOPS_SEC_MAX,
    SIZE_IOPS_SEC;

    /** The {@code <iotune>} child element name, e.g. {@code read_iops_sec}. */
    public String xml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The limit whose {@code <iotune>} element is {@code xml} ({@code read_iops_sec}...). */
    public static IoLimit ofXml(String xml) {
        for (IoLimit limit : values()) {
            if (limit.xml().equals(xml)) {
                return limit;
            }
        }
        throw new IllegalArgumentException("'" + xml + "' is not a libvirt iotune limit");
    }

    /** The flavor extra spec, e.g. {@code quota:disk_read_iops_sec}. */
    public String extraSpec() {
        return "quota:disk_" + xml();
    }

    /** For {@code read_bytes_sec_max}: {@code read_bytes_sec}, which must be set too; null for base limits. */
    IoLimit base() {
        return xml().endsWith("_max") ? valueOf(name().substring(0, name().length() - 4)) : null;
    }

    /** For read/write limits: the total limit that excludes them (libvirt refuses both at once); else null. */
    IoLimit total() {
        String n = name();
        if (n.startsWith("READ_") || n.startsWith("WRITE_")) {
            return valueOf("TOTAL_" + n.substring(n.indexOf('_') + 1));
        }
        return null;
    }
}
