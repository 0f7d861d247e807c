package io.strato.compute.agent.domain;

import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.libvirt.InstanceName;
import io.strato.compute.protocol.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Turns an instance (as recorded at spawn) and a flavor into a {@link DomainSpec} for this host: the
 * one place that decides names, paths and which extra specs apply where. Spawn, resize and revert all
 * build through it, so a resized domain differs from the original only in what the flavor changes.
 */
public final class DomainSpecs {

    /**
     * How guests' interfaces are plugged on this host: {@code ethernet} (a bare tap), {@code bridge} (every tap on
     * the one configured bridge) or {@code network-bridge} (each tap on its network's bridge, the one the port's
     * binding names, else Neutron's {@code brq<network id[:11]>}: the network agent's data plane).
     */
    public record Plugging(String interfaceType, String bridge, String vifModel) {
        public Plugging {
            if (!interfaceType.equals("ethernet") && !interfaceType.equals("bridge")
                    && !interfaceType.equals("network-bridge")) {
                throw new IllegalArgumentException("strato.agent.network.interface-type must be ethernet, bridge or "
                        + "network-bridge, not '" + interfaceType + "'");
            }
        }

        /** The bridge a port's tap joins, or null for a bare tap. */
        public String bridgeOf(Commands.Port port) {
            return switch (interfaceType) {
                case "bridge" -> bridge;
                case "network-bridge" -> port.bridge() != null && !port.bridge().isBlank() ? port.bridge()
                        : "brq" + port.networkId().toString().substring(0, 11);
                default -> null;
            };
        }
    }

    private final Supplier<GuestPlatform> platform;
    private final Plugging plugging;
    private final InstanceStore store;

    /** {@code platform} is asked on first use (it needs libvirt's capabilities) and remembered. */
    public DomainSpecs(Supplier<GuestPlatform> platform, Plugging plugging, InstanceStore store) {
        this.platform = memoize(platform);
        this.plugging = plugging;
        this.store = store;
    }

    public GuestPlatform platform() {
        return platform.get();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = supplier.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }

    /**
     * The domain of {@code instance} with {@code flavor}.
     *
     * @throws InvalidResourcePolicy when the flavor's extra specs are not a valid resource policy
     */
    public DomainSpec build(InstanceRecord instance, Commands.Flavor flavor) {
        ResourcePolicy policy = ResourcePolicy.from(flavor.extraSpecs(), flavor.memoryMb());
        var id = instance.serverId();
        Optional<DomainSpec.DirectBoot> boot = Optional.empty();
        if (instance.directBoot()) {
            boot = Optional.of(new DomainSpec.DirectBoot(store.kernel(id),
                    Files.exists(store.ramdisk(id)) ? Optional.of(store.ramdisk(id)) : Optional.empty(),
                    instance.cmdline()));
        }
        List<DomainSpec.Disk> disks = new ArrayList<>();
        disks.add(new DomainSpec.Disk(store.disk(id), "qcow2", "vda", policy.disk(), null));
        instance.volumes().forEach(v -> disks.add(volumeDisk(v)));
        List<Commands.Port> ports = instance.ports() == null ? List.of() : instance.ports();
        List<DomainSpec.Nic> nics = ports.stream().map(p -> nic(p, policy)).toList();
        DomainSpec.Owner owner = new DomainSpec.Owner(instance.name(), instance.projectId(), instance.userId(),
                new DomainSpec.FlavorRef(flavor.id(), flavor.name(), flavor.vcpus(), flavor.memoryMb(), flavor.rootGb(),
                        flavor.ephemeralGb(), flavor.swapMb()),
                instance.image() == null ? null : instance.image().id(),
                ports.stream().map(p -> new DomainSpec.PortRef(p.portId(),
                        p.ipAddresses() == null ? List.of() : p.ipAddresses())).toList(),
                instance.createdAt());
        Optional<DomainSpec.ConfigDrive> configDrive = instance.configDrive()
                ? Optional.of(new DomainSpec.ConfigDrive(store.configDrive(id), platform().configDriveBus()))
                : Optional.empty();
        return new DomainSpec(id, InstanceName.of(id), platform(), flavor.vcpus(), flavor.memoryMb(), policy, boot,
                disks, configDrive, nics, store.consoleLog(id), owner);
    }

    /** The disk of an attached volume: its file, its format, its device, its type's limits, its id as serial. */
    public static DomainSpec.Disk volumeDisk(InstanceRecord.Volume volume) {
        Map<IoLimit, Long> iotune = new EnumMap<>(IoLimit.class);
        volume.iotune().forEach((name, value) -> iotune.put(IoLimit.ofXml(name), value));
        return new DomainSpec.Disk(Path.of(volume.sourcePath()), volume.format(), volume.device(), iotune,
                volume.volumeId().toString());
    }

    private DomainSpec.Nic nic(Commands.Port port, ResourcePolicy policy) {
        String bridge = plugging.bridgeOf(port);
        return new DomainSpec.Nic(port.portId(), port.macAddress(), bridge == null ? "ethernet" : "bridge", bridge,
                tapName(port), plugging.vifModel(), port.mtu() > 0 ? OptionalInt.of(port.mtu()) : OptionalInt.empty(),
                policy.inbound(), policy.outbound());
    }

    /** Nova's tap name: {@code tap} and the first 11 characters of the port id (Linux allows 15). */
    static String tapName(Commands.Port port) {
        return "tap" + port.portId().toString().substring(0, 11);
    }
}
