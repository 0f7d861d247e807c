package io.strato.compute.agent.handlers;

import io.strato.compute.agent.instances.InstanceRecord;
import io.strato.host.process.Polling;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Where a volume's disk is in a domain: found by its {@code <serial>} (the volume id) in the persistent
 * definition and, for a running domain, in the live one. Attach and detach act only where it is missing or
 * present, which makes both idempotent.
 */
final class VolumeDisks {

    private static final Duration RELEASE_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(250);

    private VolumeDisks() {
    }

    /** The volume's disk in the persistent definition ({@code config}) and the running domain ({@code live}). */
    record Placement(Optional<String> config, Optional<String> live, boolean running) {
        boolean nowhere() {
            return config.isEmpty() && live.isEmpty();
        }
    }

    static Placement of(GuestControl guests, UUID serverId, UUID volumeId) {
        var libvirt = guests.libvirt();
        boolean running = guests.power(serverId).active();
        Optional<String> config = libvirt.definition(serverId).flatMap(xml -> disk(xml, volumeId));
        Optional<String> live = running
                ? libvirt.liveDefinition(serverId).flatMap(xml -> disk(xml, volumeId)) : Optional.empty();
        return new Placement(config, live, running);
    }

    /** The {@code <disk>} element whose serial is the volume id, as XML of its own. */
    static Optional<String> disk(String domainXml, UUID volumeId) {
        try {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(domainXml)));
            NodeList disks = doc.getElementsByTagName("disk");
            for (int i = 0; i < disks.getLength(); i++) {
                Element disk = (Element) disks.item(i);
                NodeList serials = disk.getElementsByTagName("serial");
                if (serials.getLength() > 0 && volumeId.toString().equals(serials.item(0).getTextContent().trim())) {
                    var out = new StringWriter();
                    var t = TransformerFactory.newInstance().newTransformer();
                    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
                    t.transform(new DOMSource(disk), new StreamResult(out));
                    return Optional.of(out.toString());
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable domain XML: " + e.getMessage(), e);
        }
    }

    /** Another volume of the instance already on {@code device}, if any. */
    static Optional<InstanceRecord.Volume> deviceTaken(InstanceRecord record, String device, UUID volumeId) {
        return record.volumes().stream()
                .filter(v -> v.device().equals(device) && !v.volumeId().equals(volumeId)).findFirst();
    }

    /**
     * Waits until the running guest released the disk (a live detach asks the guest, which answers
     * asynchronously, as Nova waits for libvirt's device-removed event); true when it is gone.
     */
    static boolean released(GuestControl guests, UUID serverId, UUID volumeId) {
        return Polling.until(() -> of(guests, serverId, volumeId).live().isEmpty(), RELEASE_WAIT, POLL);
    }
}
