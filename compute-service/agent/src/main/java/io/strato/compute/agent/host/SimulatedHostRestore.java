package io.strato.compute.agent.host;

import io.strato.compute.agent.instances.ExpectedPower;
import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.libvirt.LibvirtHost;
import org.jboss.logging.Logger;

/**
 * A simulated host (libvirt's test driver) forgets its domains when the agent's process ends: the driver
 * keeps them in the connection only. At start, the agent defines them again from the XML it kept in each
 * instance directory and starts those compute-service expects running, so an agent restart looks to the
 * cloud like a restart of nova-compute, not like a host that lost every guest. Real hosts keep their
 * domains in libvirtd and are left alone.
 */
public final class SimulatedHostRestore {

    private static final Logger LOG = Logger.getLogger(SimulatedHostRestore.class);

    private SimulatedHostRestore() {
    }

    /** Returns how many domains were defined again. */
    public static int restore(LibvirtHost libvirt, InstanceStore store) {
        if (!libvirt.simulated()) {
            return 0;
        }
        int restored = 0;
        for (InstanceRecord r : store.all()) {
            if (libvirt.domain(r.serverId()).isPresent()) {
                continue;
            }
            var xml = store.readText(store.definition(r.serverId()));
            if (xml.isEmpty()) {
                continue;
            }
            try {
                libvirt.define(xml.get());
                if (r.expected() == ExpectedPower.RUNNING || r.expected() == ExpectedPower.PAUSED) {
                    libvirt.start(r.serverId());
                }
                if (r.expected() == ExpectedPower.PAUSED) {
                    libvirt.pause(r.serverId());
                }
                // a suspended guest's saved memory went with the driver: it stays off, and its resume boots it
                restored++;
            } catch (RuntimeException e) {
                LOG.warnf("could not restore the domain of %s on the simulated host: %s", r.serverId(), e.getMessage());
            }
        }
        if (restored > 0) {
            LOG.infof("simulated host: defined %d domains again from %s", restored, store.root());
        }
        return restored;
    }
}
