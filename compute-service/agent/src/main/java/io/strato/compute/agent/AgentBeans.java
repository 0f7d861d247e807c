package io.strato.compute.agent;

import io.strato.compute.agent.config.AgentConfig;
import io.strato.compute.agent.configdrive.ConfigDriveWriter;
import io.strato.compute.agent.configdrive.Genisoimage;
import io.strato.compute.agent.domain.DomainSpecs;
import io.strato.compute.agent.domain.GuestPlatform;
import io.strato.compute.agent.handlers.GuestControl;
import io.strato.compute.agent.host.Inventory;
import io.strato.compute.agent.images.ImageCache;
import io.strato.compute.agent.images.ImageClient;
import io.strato.compute.agent.instances.InstanceStore;
import io.strato.compute.agent.instances.QemuImg;
import io.strato.compute.agent.libvirt.LibvirtHost;
import io.strato.compute.agent.messaging.KafkaReportSink;
import io.strato.compute.agent.messaging.SerialLanes;
import io.strato.kit.serviceauth.ServiceHttp;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import io.strato.compute.agent.host.NetworkBridges;
import jakarta.inject.Singleton;

/** Builds the agent's parts from {@link AgentConfig}; the parts themselves know nothing of CDI or configuration. */
public class AgentBeans {

    @Produces
    @Singleton
    LibvirtHost libvirt(AgentConfig config) {
        return new LibvirtHost(config.libvirtUri(), config.validateXml());
    }

    void close(@Disposes LibvirtHost libvirt) {
        libvirt.close();
    }

    @Produces
    @Singleton
    InstanceStore instances(AgentConfig config) {
        return new InstanceStore(config.instanceDirectory());
    }

    @Produces
    @Singleton
    QemuImg qemuImg() {
        return new QemuImg();
    }

    @Produces
    @Singleton
    ConfigDriveWriter configDrives(AgentConfig config, InstanceStore store) {
        return new ConfigDriveWriter(store, new Genisoimage(config.mkisofsCmd()));
    }

    @Produces
    @Singleton
    ImageClient imageClient(AgentConfig config) {
        ServiceHttp service = ServiceHttp.of(config.serviceAuth());
        return new ImageClient(config.imageUrl(), service.token(), service.http());
    }

    @Produces
    @Singleton
    ImageCache images(AgentConfig config, ImageClient client) {
        return new ImageCache(config.imageCacheDirectory(), client);
    }

    @Produces
    @Singleton
    DomainSpecs domainSpecs(AgentConfig config, LibvirtHost libvirt, InstanceStore store) {
        AgentConfig.Network net = config.network();
        return new DomainSpecs(() -> GuestPlatform.detect(libvirt, config.virtType(), config.machineType()),
                new DomainSpecs.Plugging(net.interfaceType(), net.bridge(), net.vifModel()), store);
    }

    @Produces
    @Singleton
    GuestControl guests(AgentConfig config, LibvirtHost libvirt, InstanceStore store, DomainSpecs specs) {
        NetworkBridges bridges = new NetworkBridges();
        return "network-bridge".equals(config.network().interfaceType())
                ? new GuestControl(libvirt, store, specs, config.shutdownTimeout(), bridges::ensure)
                : new GuestControl(libvirt, store, specs, config.shutdownTimeout());
    }

    @Produces
    @Singleton
    SerialLanes lanes(AgentConfig config) {
        return new SerialLanes(config.commandConcurrency());
    }

    void close(@Disposes SerialLanes lanes) {
        lanes.close();
    }

    @Produces
    @Singleton
    KafkaReportSink reports(AgentConfig config) {
        return new KafkaReportSink(config.kafkaBootstrapServers(), "/compute-agent/" + config.host(),
                "agent-" + config.host() + "-reports");
    }

    void close(@Disposes KafkaReportSink reports) {
        reports.close();
    }

    @Produces
    @Singleton
    Inventory inventory(AgentConfig config, LibvirtHost libvirt, InstanceStore store) {
        return new Inventory(libvirt, store, new Inventory.Settings(config.host(), config.availabilityZone(),
                config.hostIp(), config.reservedHostMemoryMb(), config.reservedHostDiskGb(), config.diskGb()));
    }
}
