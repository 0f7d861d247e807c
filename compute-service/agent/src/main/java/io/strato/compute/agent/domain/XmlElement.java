package io.strato.compute.agent.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small XML element tree that renders itself indented and escaped; enough for libvirt's domain XML. */
final class XmlElement {

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private String text;

    private XmlElement(String name) {
        this.name = name;
    }

    static XmlElement element(String name) {
        return new XmlElement(name);
    }

    /** {@code <name>text</name>}. */
    static XmlElement element(String name, Object text) {
        return new XmlElement(name).text(text);
    }

    /** Sets an attribute; a null value leaves it out. */
    XmlElement attr(String key, Object value) {
        if (value != null) {
            attributes.put(key, value.toString());
        }
        return this;
    }

    XmlElement text(Object value) {
        this.text = value == null ? null : value.toString();
        return this;
    }

    /** Appends children; null children are skipped, so optional parts read as one expression. */
    XmlElement add(XmlElement... elements) {
        for (XmlElement e : elements) {
            if (e != null) {
                children.add(e);
            }
        }
        return this;
    }

    XmlElement addAll(List<XmlElement> elements) {
        elements.forEach(this::add);
        return this;
    }

    boolean isEmpty() {
        return children.isEmpty() && attributes.isEmpty() && text == null;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        render(out, 0);
        return out.toString();
    }

    private void render(StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append('<').append(name);
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        if (children.isEmpty() && text == null) {
            out.append("/>\n");
            return;
        }
        out.append('>');
        if (text != null) {
            out.append(escape(text));
        }
        if (!children.isEmpty()) {
            out.append('\n');
            for (XmlElement child : children) {
                child.render(out, depth + 1);
            }
            out.append("  ".repeat(depth));
        }
        out.append("</").append(name).append(">\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even escaped
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
