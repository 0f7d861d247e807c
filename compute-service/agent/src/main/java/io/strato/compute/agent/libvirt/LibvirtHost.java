package io.strato.compute.agent.libvirt;

import io.strato.compute.agent.libvirt.SchemaValidatingDefine.HostConnection;
import io.strato.host.libvirt.LibvirtConnection;
import io.strato.host.libvirt.LibvirtConnection.LibvirtCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;

/**
 * The agent's one connection to libvirt, on host-kit's {@link LibvirtConnection}: libvirt-java objects are
 * not safe to share between threads, so every call runs on one dedicated thread, in submission order;
 * callers block for the typed result. One connection lives as long as the agent: a {@code test:///host.xml}
 * connection is the simulated host itself (a second connection would start from a fresh copy of the file),
 * so it is never reopened; a real hypervisor connection is reopened after libvirtd went away.
 *
 * <p>Only domains named {@code instance-<uuid>} are the agent's; others on the host are never touched.
 */
public final class LibvirtHost implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LibvirtHost.class);
    private static final int VIR_DOMAIN_XML_INACTIVE = 2;
    private static final int VIR_DOMAIN_AFFECT_LIVE = 1;
    private static final int VIR_DOMAIN_AFFECT_CONFIG = 2;
    private static final int VIR_DOMAIN_UNDEFINE_MANAGED_SAVE = 1;

    /** libvirt's errors as the agent says them; {@code "<action>: <message>"} either way. */
    private static final LibvirtConnection.Failures FAILURES = new LibvirtConnection.Failures() {
        @Override
        public RuntimeException refused(String action, LibvirtException e) {
            return LibvirtFailure.of(action, e);
        }

        @Override
        public RuntimeException broken(String message, Throwable cause) {
            return new LibvirtFailure("VIR_ERR_UNKNOWN", message, cause);
        }
    };

    private final String uri;
    private final boolean validateXml;
    private final LibvirtConnection<HostConnection> libvirt;
    private Capabilities capabilities; // libvirt thread only
    private volatile boolean connected;

    public LibvirtHost(String uri, boolean validateXml) {
        this.uri = uri;
        this.validateXml = validateXml;
        this.libvirt = new LibvirtConnection<>(uri, "libvirt", HostConnection::new, FAILURES,
                new LibvirtConnection.StateListener<HostConnection>() {
                    @Override
                    public void connected(HostConnection connection) {
                        capabilities = null;
                        connected = true;
                        LOG.infof("connected to libvirt at %s", uri);
                    }

                    @Override
                    public void disconnected() {
                        connected = false;
                    }
                });
    }

    public String uri() {
        return uri;
    }

    /** libvirt's test driver: a simulated host whose domains live only in this connection. */
    public boolean simulated() {
        return libvirt.simulated();
    }

    /** Whether the last call found libvirt reachable. */
    public boolean connected() {
        return connected;
    }

    /** Opens the connection now (otherwise the first call does). */
    public void connect() {
        libvirt.connect("connect to " + uri);
    }

    public NodeInventory inventory() {
        return call("read node info", c -> {
            NodeInfo n = c.nodeInfo();
            return new NodeInventory(n.model, n.cpus, n.memory, c.getType(), c.getVersion(), c.getHostName());
        });
    }

    /** The architecture {@code hvm} guests of this domain type run with on this host. */
    public String guestArch(String domainType) {
        return call("read capabilities", c -> capabilities(c).hvmArch(domainType)
                .orElseThrow(() -> new LibvirtFailure("VIR_ERR_NO_SUPPORT",
                        "libvirt at " + uri + " offers no hvm guests of domain type " + domainType, null)));
    }

    /** The driver's name, e.g. {@code QEMU} or {@code TEST}. */
    public String driverType() {
        return call("read driver type", Connect::getType);
    }

    public Optional<DomainStatus> domain(UUID serverId) {
        return call("look up " + InstanceName.of(serverId), c -> withDomain(c, serverId, LibvirtHost::status));
    }

    /** Every domain of the agent's (running or only defined). */
    public List<DomainStatus> domains() {
        return call("list domains", c -> {
            List<String> names = new ArrayList<>();
            for (int id : c.listDomains()) {
                try {
                    Domain d = c.domainLookupByID(id);
                    try {
                        names.add(d.getName());
                    } finally {
                        d.free();
                    }
                } catch (LibvirtException e) {
                    // it went away between the listing and the lookup
                }
            }
            names.addAll(List.of(c.listDefinedDomains()));
            List<DomainStatus> result = new ArrayList<>();
            for (String name : names) {
                Optional<UUID> serverId = InstanceName.serverId(name);
                if (serverId.isPresent()) {
                    withDomain(c, serverId.get(), LibvirtHost::status).ifPresent(result::add);
                }
            }
            return result;
        });
    }

    /** Defines (or redefines) a domain persistently; validated against libvirt's schema when configured. */
    public void define(String xml) {
        call("define domain", c -> {
            if (validateXml) {
                SchemaValidatingDefine.define(c, xml);
            } else {
                c.domainDefineXML(xml).free();
            }
            return null;
        });
    }

    /** Starts a defined domain; a running one is left alone. Fails when the domain does not exist. */
    public DomainPower start(UUID serverId) {
        return onDomain("start", serverId, d -> {
            if (d.isActive() == 0) {
                d.create();
            }
            return status(d).power();
        });
    }

    /** Asks the guest to shut down (ACPI); returns at once. An inactive domain is left alone. */
    public void requestShutdown(UUID serverId) {
        onDomain("shut down", serverId, d -> {
            if (d.isActive() == 1) {
                d.shutdown();
            }
            return true; // the domain was there
        });
    }

    /** Powers the domain off at once (pulling the plug); an inactive domain is left alone. */
    public void destroy(UUID serverId) {
        onDomain("destroy", serverId, d -> {
            if (d.isActive() == 1) {
                d.destroy();
            }
            return true; // the domain was there
        });
    }

    /** Pauses a running domain's vCPUs (libvirt's suspend); a paused one is left alone. */
    public DomainPower pause(UUID serverId) {
        return onDomain("pause", serverId, d -> {
            if (status(d).power() != DomainPower.PAUSED) {
                d.suspend();
            }
            return status(d).power();
        });
    }

    /** Lets a paused domain's vCPUs run again; a domain that is not paused is left alone. */
    public DomainPower unpause(UUID serverId) {
        return onDomain("unpause", serverId, d -> {
            if (status(d).power() == DomainPower.PAUSED) {
                d.resume();
            }
            return status(d).power();
        });
    }

    /**
     * Saves a running (or paused) domain's memory to libvirt's managed save image and stops it; the next start
     * restores the guest from it. An inactive domain is left alone.
     */
    public DomainPower managedSave(UUID serverId) {
        return onDomain("save", serverId, d -> {
            if (d.isActive() == 1) {
                d.managedSave();
            }
            return status(d).power();
        });
    }

    /** Whether the domain has a managed save image (false when there is no domain). */
    public boolean hasManagedSave(UUID serverId) {
        return call("read managed save of " + InstanceName.of(serverId),
                c -> withDomain(c, serverId, d -> d.hasManagedSaveImage() == 1).orElse(false));
    }

    /** Drops the domain's managed save image, so that its next start boots afresh; none is fine. */
    public void discardManagedSave(UUID serverId) {
        onDomain("discard managed save of", serverId, d -> {
            if (d.hasManagedSaveImage() == 1) {
                d.managedSaveRemove();
            }
            return true; // the domain was there
        });
    }

    /** Resets a running domain (hard reboot without tearing down its QEMU process). */
    public void reset(UUID serverId) {
        onDomain("reset", serverId, d -> {
            d.reset();
            return true; // the domain was there
        });
    }

    /** Stops (if running) and undefines the domain; returns false when there was none. */
    public boolean undefine(UUID serverId) {
        return call("undefine " + InstanceName.of(serverId), c -> withDomain(c, serverId, d -> {
            if (d.isActive() == 1) {
                d.destroy();
            }
            d.undefine(VIR_DOMAIN_UNDEFINE_MANAGED_SAVE); // a suspended domain's saved memory goes with it
            return true;
        }).orElse(false));
    }

    /** The domain's persistent definition, as libvirt stores it. */
    public Optional<String> definition(UUID serverId) {
        return call("read XML of " + InstanceName.of(serverId),
                c -> withDomain(c, serverId, d -> d.getXMLDesc(VIR_DOMAIN_XML_INACTIVE)));
    }

    /** The running domain's XML (the persistent definition when it is not running). */
    public Optional<String> liveDefinition(UUID serverId) {
        return call("read live XML of " + InstanceName.of(serverId), c -> withDomain(c, serverId, d -> d.getXMLDesc(0)));
    }

    /**
     * Adds a device ({@code <disk>}...) to the running domain ({@code live}) and/or its persistent
     * definition ({@code config}); libvirt's test driver fails with {@code VIR_ERR_NO_SUPPORT}.
     */
    public void attachDevice(UUID serverId, String deviceXml, boolean live, boolean config) {
        onDomain("attach device to", serverId, d -> {
            d.attachDeviceFlags(deviceXml, affect(live, config));
            return true;
        });
    }

    /** Removes a device from the running domain and/or its persistent definition, as {@link #attachDevice}. */
    public void detachDevice(UUID serverId, String deviceXml, boolean live, boolean config) {
        onDomain("detach device from", serverId, d -> {
            d.detachDeviceFlags(deviceXml, affect(live, config));
            return true;
        });
    }

    private static int affect(boolean live, boolean config) {
        return (live ? VIR_DOMAIN_AFFECT_LIVE : 0) | (config ? VIR_DOMAIN_AFFECT_CONFIG : 0);
    }

    /** Closes the connection (when one is open) and ends the libvirt thread. */
    @Override
    public void close() {
        libvirt.close();
    }

    // ---- plumbing: the functions passed below run on the libvirt thread ----

    @FunctionalInterface
    private interface DomainCall<T> {
        T apply(Domain d) throws LibvirtException;
    }

    private <T> T call(String action, LibvirtCall<HostConnection, T> fn) {
        return libvirt.call(action, fn);
    }

    private <T> T onDomain(String action, UUID serverId, DomainCall<T> fn) {
        String name = InstanceName.of(serverId);
        return call(action + " " + name, c -> withDomain(c, serverId, fn).orElseThrow(
                () -> new LibvirtFailure("VIR_ERR_NO_DOMAIN", action + " " + name + ": no such domain", null)));
    }

    /** Runs {@code fn} on the server's domain; empty when there is none ({@code fn} must not return null). */
    private static <T> Optional<T> withDomain(Connect c, UUID serverId, DomainCall<T> fn) throws LibvirtException {
        Domain d;
        try {
            d = c.domainLookupByName(InstanceName.of(serverId));
        } catch (LibvirtException e) {
            if (LibvirtFailure.noDomain(e)) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            return Optional.of(fn.apply(d));
        } finally {
            d.free();
        }
    }

    private static DomainStatus status(Domain d) throws LibvirtException {
        String name = d.getName();
        UUID id = InstanceName.serverId(name).orElseThrow();
        DomainInfo info;
        try {
            info = d.getInfo();
        } catch (ArrayIndexOutOfBoundsException e) {
            // libvirt-java 0.5.2 knows states 0..6 only; 7 is VIR_DOMAIN_PMSUSPENDED
            return new DomainStatus(id, name, DomainPower.PMSUSPENDED, d.getMaxVcpus(), d.getMaxMemory());
        }
        return new DomainStatus(id, name, DomainPower.of(info.state), info.nrVirtCpu, info.maxMem);
    }

    private Capabilities capabilities(Connect c) throws LibvirtException {
        if (capabilities == null) {
            capabilities = Capabilities.parse(c.getCapabilities());
        }
        return capabilities;
    }
}
