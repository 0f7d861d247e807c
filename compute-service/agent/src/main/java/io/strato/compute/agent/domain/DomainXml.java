package io.strato.compute.agent.domain;

import static io.strato.compute.agent.domain.XmlElement.element;

import java.util.Map;
import java.util.OptionalLong;

/** Renders a {@link DomainSpec} as libvirt domain XML, one method per part of the document. */
public final class DomainXml {

    /** Namespace of the {@code <metadata>} block, in the manner of Nova's {@code nova:instance}. */
    public static final String METADATA_NS = "http://strato.io/xmlns/libvirt/compute/1.0";
    private static final String P = "strato:";

    private DomainXml() {
    }

    public static String render(DomainSpec spec) {
        XmlElement domain = element("domain").attr("type", spec.platform().type().xml()).add(
                element("name", spec.name()),
                element("uuid", spec.serverId()),
                metadata(spec.owner()),
                element("memory", spec.memoryMib()).attr("unit", "MiB"),
                element("currentMemory", spec.memoryMib()).attr("unit", "MiB"),
                memtune(spec.policy().memory()),
                element("vcpu", spec.vcpus()).attr("placement", "static"),
                cputune(spec.policy().cpu()),
                os(spec),
                element("features").add(element("acpi"), element("apic")),
                element("clock").attr("offset", "utc"),
                element("on_poweroff", "destroy"),
                element("on_reboot", "restart"),
                element("on_crash", "destroy"),
                devices(spec));
        return domain.render();
    }

    static XmlElement metadata(DomainSpec.Owner owner) {
        DomainSpec.FlavorRef f = owner.flavor();
        XmlElement ports = element(P + "ports");
        for (DomainSpec.PortRef port : owner.ports()) {
            XmlElement p = element(P + "port").attr("uuid", port.portId());
            port.ipAddresses().forEach(ip -> p.add(element(P + "ip").attr("address", ip)));
            ports.add(p);
        }
        XmlElement instance = element(P + "instance").attr("xmlns:strato", METADATA_NS).add(
                element(P + "name", owner.serverName()),
                element(P + "creationTime", owner.createdAt()),
                element(P + "flavor").attr("id", f.id()).attr("name", f.name()).add(
                        element(P + "memory", f.memoryMb()),
                        element(P + "disk", f.rootGb()),
                        element(P + "swap", f.swapMb()),
                        element(P + "ephemeral", f.ephemeralGb()),
                        element(P + "vcpus", f.vcpus())),
                element(P + "owner").add(
                        element(P + "user").attr("uuid", owner.userId()),
                        element(P + "project").attr("uuid", owner.projectId())),
                owner.imageId() == null ? null : element(P + "root").attr("type", "image").attr("uuid", owner.imageId()),
                ports);
        return element("metadata").add(instance);
    }

    static XmlElement memtune(ResourcePolicy.MemTune mem) {
        if (mem.isEmpty()) {
            return null;
        }
        return element("memtune").add(
                mib("hard_limit", mem.hardLimitMib()),
                mib("soft_limit", mem.softLimitMib()),
                mib("swap_hard_limit", mem.swapHardLimitMib()));
    }

    static XmlElement cputune(ResourcePolicy.CpuTune cpu) {
        if (cpu.isEmpty()) {
            return null;
        }
        return element("cputune").add(
                optional("shares", cpu.shares()),
                optional("period", cpu.period()),
                optional("quota", cpu.quota()));
    }

    static XmlElement os(DomainSpec spec) {
        GuestPlatform p = spec.platform();
        XmlElement os = element("os").add(element("type", "hvm").attr("arch", p.arch())
                .attr("machine", p.machine().orElse(null)));
        spec.directBoot().ifPresentOrElse(boot -> os.add(
                element("kernel", boot.kernel()),
                boot.initrd().map(i -> element("initrd", i)).orElse(null),
                element("cmdline", boot.cmdline())),
                () -> os.add(element("boot").attr("dev", "hd")));
        return os;
    }

    static XmlElement devices(DomainSpec spec) {
        XmlElement devices = element("devices");
        spec.disks().forEach(d -> devices.add(disk(d)));
        spec.configDrive().ifPresent(cd -> devices.add(
                cd.bus() == ConfigDriveBus.SCSI
                        ? element("controller").attr("type", "scsi").attr("index", 0).attr("model", "virtio-scsi")
                        : null,
                configDrive(cd)));
        spec.nics().forEach(n -> devices.add(nic(n)));
        // the serial console writes to a file the console-output command reads; appended, so a
        // reboot or a stop and start keeps what the guest printed before
        devices.add(element("serial").attr("type", "file").add(
                element("source").attr("path", spec.consoleLog()).attr("append", "on"),
                element("target").attr("port", 0)));
        return devices;
    }

    /** One {@code <disk>} element as a document of its own (what attachDeviceFlags takes). */
    public static String diskDevice(DomainSpec.Disk disk) {
        return disk(disk).render();
    }

    static XmlElement disk(DomainSpec.Disk disk) {
        return element("disk").attr("type", "file").attr("device", "disk").add(
                element("driver").attr("name", "qemu").attr("type", disk.format()),
                element("source").attr("file", disk.source()),
                element("target").attr("dev", disk.target()).attr("bus", "virtio"),
                disk.serial() == null ? null : element("serial", disk.serial()),
                iotune(disk.iotune()));
    }

    /** The config drive: a read-only raw cdrom (and, on SCSI, the virtio-scsi controller it needs). */
    static XmlElement configDrive(DomainSpec.ConfigDrive drive) {
        return element("disk").attr("type", "file").attr("device", "cdrom").add(
                element("driver").attr("name", "qemu").attr("type", "raw"),
                element("source").attr("file", drive.source()),
                element("target").attr("dev", drive.bus().target()).attr("bus", drive.bus().xml()),
                element("readonly"));
    }

    static XmlElement iotune(Map<IoLimit, Long> limits) {
        if (limits.isEmpty()) {
            return null;
        }
        XmlElement iotune = element("iotune");
        for (IoLimit limit : IoLimit.values()) {
            Long v = limits.get(limit);
            if (v != null) {
                iotune.add(element(limit.xml(), v));
            }
        }
        return iotune;
    }

    static XmlElement nic(DomainSpec.Nic nic) {
        XmlElement bandwidth = element("bandwidth").add(
                direction("inbound", nic.inbound()), direction("outbound", nic.outbound()));
        return element("interface").attr("type", nic.type()).add(
                element("mac").attr("address", nic.mac()),
                "bridge".equals(nic.type()) ? element("source").attr("bridge", nic.bridge()) : null,
                bandwidth.isEmpty() ? null : bandwidth,
                element("target").attr("dev", nic.targetDev()),
                element("model").attr("type", nic.model()),
                nic.mtu().isPresent() ? element("mtu").attr("size", nic.mtu().getAsInt()) : null);
    }

    private static XmlElement direction(String name, ResourcePolicy.Bandwidth b) {
        if (b.isEmpty()) {
            return null;
        }
        return element(name).attr("average", value(b.average())).attr("peak", value(b.peak()))
                .attr("burst", value(b.burst()));
    }

    private static XmlElement mib(String name, OptionalLong v) {
        return v.isPresent() ? element(name, v.getAsLong() * 1024).attr("unit", "KiB") : null;
    }

    private static XmlElement optional(String name, OptionalLong v) {
        return v.isPresent() ? element(name, v.getAsLong()) : null;
    }

    private static Long value(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
