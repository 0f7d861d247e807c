package io.strato.volume.backend.libvirt;

import io.strato.volume.backend.DriverException;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The XML the pool driver gives libvirt (volumes, a dir pool) and the few fields it reads back. */
final class PoolXml {
    private PoolXml() {
    }

    /**
     * A thin qcow2 volume: allocation 0 (nothing preallocated), qcow2 v3 ({@code compat} 1.1, which zero
     * clusters need: an overlay grows past its backing file only with them), optionally over a backing file.
     */
    static String volume(String name, long capacityBytes, String backingPath) {
        StringBuilder xml = new StringBuilder()
                .append("<volume><name>").append(escape(name)).append("</name>")
                .append("<capacity unit='bytes'>").append(capacityBytes).append("</capacity>")
                .append("<allocation unit='bytes'>0</allocation>")
                .append("<target><format type='qcow2'/><compat>1.1</compat></target>");
        if (backingPath != null) {
            xml.append("<backingStore><path>").append(escape(backingPath))
                    .append("</path><format type='qcow2'/></backingStore>");
        }
        return xml.append("</volume>").toString();
    }

    /** A {@code dir} pool at {@code directory}. */
    static String dirPool(String name, String directory) {
        return "<pool type='dir'><name>" + escape(name) + "</name><target><path>" + escape(directory)
                + "</path></target></pool>";
    }

    /** The volume's backing file, when it has one. */
    static Optional<String> backingPath(String volumeXml) {
        String path = read(volumeXml, "/volume/backingStore/path");
        return path.isBlank() ? Optional.empty() : Optional.of(path.trim());
    }

    /** The pool's type ({@code dir}, {@code logical}...). */
    static String poolType(String poolXml) {
        return read(poolXml, "/pool/@type").trim();
    }

    /** The pool's target directory. */
    static String targetPath(String poolXml) {
        return read(poolXml, "/pool/target/path").trim();
    }

    private static String read(String xml, String xpath) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
        } catch (ParserConfigurationException | SAXException | IOException | XPathExpressionException e) {
            throw new DriverException("could not read libvirt's XML (" + xpath + "): " + e.getMessage(), e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
