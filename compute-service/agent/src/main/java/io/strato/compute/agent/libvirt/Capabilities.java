package io.strato.compute.agent.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads what the agent needs from libvirt's capabilities XML. */
final class Capabilities {

    private final Document doc;

    private Capabilities(Document doc) {
        this.doc = doc;
    }

    static Capabilities parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Capabilities(f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("libvirt capabilities are not XML: " + e.getMessage(), e);
        }
    }

    /** The host CPU's architecture ({@code host/cpu/arch}). */
    Optional<String> hostArch() {
        NodeList hosts = doc.getDocumentElement().getElementsByTagName("host");
        if (hosts.getLength() == 0) {
            return Optional.empty();
        }
        NodeList arch = ((Element) hosts.item(0)).getElementsByTagName("arch");
        return arch.getLength() == 0 ? Optional.empty() : Optional.of(arch.item(0).getTextContent().trim());
    }

    /**
     * The architecture to run {@code hvm} guests of a domain type with: the host's own when the driver
     * offers it for that type, else the first the driver offers (the test driver's guests are i686 only).
     */
    Optional<String> hvmArch(String domainType) {
        List<String> offered = new ArrayList<>();
        NodeList guests = doc.getDocumentElement().getElementsByTagName("guest");
        for (int i = 0; i < guests.getLength(); i++) {
            Element guest = (Element) guests.item(i);
            NodeList osType = guest.getElementsByTagName("os_type");
            if (osType.getLength() == 0 || !"hvm".equals(osType.item(0).getTextContent().trim())) {
                continue;
            }
            NodeList arches = guest.getElementsByTagName("arch");
            for (int a = 0; a < arches.getLength(); a++) {
                Element arch = (Element) arches.item(a);
                if (offersDomainType(arch, domainType)) {
                    offered.add(arch.getAttribute("name"));
                }
            }
        }
        Optional<String> host = hostArch();
        if (host.isPresent() && offered.contains(host.get())) {
            return host;
        }
        return offered.stream().findFirst();
    }

    private static boolean offersDomainType(Element arch, String domainType) {
        NodeList domains = arch.getElementsByTagName("domain");
        for (int d = 0; d < domains.getLength(); d++) {
            if (domainType.equals(((Element) domains.item(d)).getAttribute("type"))) {
                return true;
            }
        }
        return false;
    }
}
