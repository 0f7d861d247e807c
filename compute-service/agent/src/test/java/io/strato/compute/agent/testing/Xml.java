package io.strato.compute.agent.testing;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** XPath over domain XML in tests (namespace-aware: match metadata elements with {@code local-name()}). */
public final class Xml {

    private final Document doc;

    private Xml(Document doc) {
        this.doc = doc;
    }

    public static Xml parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return new Xml(f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    public String text(String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError("bad xpath " + xpath, e);
        }
    }

    public int count(String xpath) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
                    .getLength();
        } catch (Exception e) {
            throw new AssertionError("bad xpath " + xpath, e);
        }
    }
}
