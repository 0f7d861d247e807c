package io.strato.compute.agent.handlers;

import io.strato.compute.agent.domain.DomainSpec;
import io.strato.compute.agent.domain.DomainSpecs;
import io.strato.compute.agent.domain.DomainXml;
import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.libvirt.DomainPower;
import io.strato.compute.agent.libvirt.DomainStatus;
import io.strato.compute.agent.libvirt.LibvirtHost;
import io.strato.compute.protocol.Commands;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The steps several handlers share: power a guest off gracefully, (re)define its domain, record what is expected. */
public class GuestControl {

    private static final Duration POLL = Duration.ofMillis(250);

    private final LibvirtHost libvirt;
    private final InstanceStore store;
    private final DomainSpecs specs;
    private final Duration shutdownTimeout;
    private final Consumer<DomainSpec> plug;

    public GuestControl(LibvirtHost libvirt, InstanceStore store, DomainSpecs specs, Duration shutdownTimeout) {
        this(libvirt, store, specs, shutdownTimeout, spec -> {
        });
    }

    /** {@code plug} prepares the host for a domain's interfaces (its bridges) before the domain is defined. */
    public GuestControl(LibvirtHost libvirt, InstanceStore store, DomainSpecs specs, Duration shutdownTimeout,
            Consumer<DomainSpec> plug) {
        this.libvirt = libvirt;
        this.store = store;
        this.specs = specs;
        this.shutdownTimeout = shutdownTimeout;
        this.plug = plug;
    }

    public LibvirtHost libvirt() {
        return libvirt;
    }

    public InstanceStore store() {
        return store;
    }

    public Optional<DomainStatus> domain(UUID serverId) {
        return libvirt.domain(serverId);
    }

    /** The domain's power state, NOSTATE when there is no domain. */
    public DomainPower power(UUID serverId) {
        return libvirt.domain(serverId).map(DomainStatus::power).orElse(DomainPower.NOSTATE);
    }

    /**
     * Asks the guest to shut down and waits up to the shutdown timeout, then pulls the plug, as Nova's
     * clean shutdown does. Returns the power state afterwards.
     */
    public DomainPower powerOff(UUID serverId) {
        if (!power(serverId).active()) {
            return power(serverId);
        }
        libvirt.requestShutdown(serverId);
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        while (System.nanoTime() < deadline && power(serverId).active()) {
            sleep(POLL);
        }
        if (power(serverId).active()) {
            libvirt.destroy(serverId);
        }
        return power(serverId);
    }

    /** Builds the domain of {@code instance} with {@code flavor}, defines it and keeps its XML. */
    public String define(InstanceRecord instance, Commands.Flavor flavor) {
        DomainSpec spec = specs.build(instance, flavor);
        plug.accept(spec);
        String xml = DomainXml.render(spec);
        defineXml(instance.serverId(), xml);
        return xml;
    }

    public void defineXml(UUID serverId, String xml) {
        libvirt.define(xml);
        store.writeDefinition(serverId, xml);
    }

    /** Records the power state compute-service now expects of the instance (when the agent has it). */
    public void expect(UUID serverId, ExpectedPower expected) {
        store.read(serverId).ifPresent(r -> {
            if (r.expected() != expected) {
                store.write(r.withExpected(expected));
            }
        });
    }

    /** The instance's record, or a failure naming what is missing. */
    public InstanceRecord record(UUID serverId) {
        return store.read(serverId).orElseThrow(() -> new IllegalStateException(
                "the agent has no record of server " + serverId + " (was it spawned on this host?)"));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a guest to shut down", e);
        }
    }
}
