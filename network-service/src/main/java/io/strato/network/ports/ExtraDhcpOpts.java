package io.strato.network.ports;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Neutron;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Neutron's {@code extra_dhcp_opts}: the request's checks (neutron-lib's {@code EXTRA_DHCP_OPT_KEY_SPECS}) and how a
 * request changes a port's options ({@code ExtraDhcpOptMixin}): an option is known by its name and IP version; a
 * {@code null} value deletes it, another value sets it, and an option never stored is added.
 */
final class ExtraDhcpOpts {
    static final String ATTRIBUTE = "extra_dhcp_opts";
    static final int NAME_MAX = 64;
    static final int VALUE_MAX = 255;
    /** The options whose value may be empty (no router; no classless routes). */
    static final Set<String> BLANKABLE = Set.of("router", "classless-static-route");
    private static final Set<String> KEYS = Set.of("opt_name", "opt_value", "ip_version");

    /** One requested change; {@code value} null deletes the option. */
    record Change(String name, String value, int ipVersion) {
    }

    private ExtraDhcpOpts() {
    }

    /** The request's list, checked as neutron-lib's {@code type:list_of_any_key_specs_or_none}; empty for null. */
    static List<Change> parse(JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid("'" + Python.repr(v) + "' is not a list");
        }
        List<Change> out = new ArrayList<>();
        for (JsonNode item : v) {
            Change c = change(item);
            if (c == null) {
                throw invalid("No valid key specs matched for: " + Python.repr(item));
            }
            if (out.stream().anyMatch(o -> o.name().equals(c.name()) && o.ipVersion() == c.ipVersion())) {
                throw invalid("Duplicate option " + c.name() + " for IP version " + c.ipVersion());
            }
            out.add(c);
        }
        return out;
    }

    /** The item if it matches one of the two key specs (a blankable name, or any name with a non-empty value). */
    private static Change change(JsonNode item) {
        if (!item.isObject() || !item.has("opt_name") || !item.has("opt_value")) {
            return null;
        }
        for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
            if (!KEYS.contains(it.next())) {
                return null;
            }
        }
        JsonNode name = item.get("opt_name");
        JsonNode value = item.get("opt_value");
        Integer version = ipVersion(item.get("ip_version"));
        if (version == null || !name.isTextual() || !(value.isNull() || value.isTextual())
                || (value.isTextual() && value.asText().length() > VALUE_MAX)) {
            return null;
        }
        String n = name.asText();
        boolean blankable = BLANKABLE.contains(n);
        if (!blankable && (n.isEmpty() || n.length() > NAME_MAX || (value.isTextual() && value.asText().isEmpty()))) {
            return null;
        }
        return new Change(n, value.isNull() ? null : value.asText(), version);
    }

    /** neutron-lib's {@code convert_to_int} then {@code [4, 6]}; absent is 4; null when invalid. */
    private static Integer ipVersion(JsonNode v) {
        if (v == null) {
            return 4;
        }
        int version;
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            version = v.asInt();
        } else if (v.isTextual() && v.asText().strip().matches("[+-]?\\d{1,9}")) {
            version = Integer.parseInt(v.asText().strip());
        } else {
            return null;
        }
        return version == 4 || version == 6 ? version : null;
    }

    /** A create's options: the changes with a value to store (a null value stores nothing). */
    static List<ExtraDhcpOpt> created(List<Change> changes) {
        return applied(List.of(), changes);
    }

    /** The port's options after an update's changes, in their order with the new ones last. */
    static List<ExtraDhcpOpt> applied(List<ExtraDhcpOpt> current, List<Change> changes) {
        List<ExtraDhcpOpt> out = new ArrayList<>(current == null ? List.of() : current);
        for (Change c : changes) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).optName().equals(c.name()) && out.get(i).ipVersion() == c.ipVersion()) {
                    at = i;
                    break;
                }
            }
            if (c.value() == null) {
                if (at >= 0) {
                    out.remove(at);
                }
            } else if (at >= 0) {
                out.set(at, new ExtraDhcpOpt(c.name(), c.value(), c.ipVersion()));
            } else {
                out.add(new ExtraDhcpOpt(c.name(), c.value(), c.ipVersion()));
            }
        }
        return List.copyOf(out);
    }

    private static RuntimeException invalid(String reason) {
        return Neutron.badRequest("HTTPBadRequest", "Invalid input for " + ATTRIBUTE + ". Reason: " + reason + ".");
    }

    /** How Python prints the JSON value Neutron's message shows ({@code {'opt_name': 'x', 'opt_value': None}}). */
    static final class Python {
        private Python() {
        }

        static String repr(JsonNode v) {
            if (v == null || v.isNull()) {
                return "None";
            }
            if (v.isBoolean()) {
                return v.asBoolean() ? "True" : "False";
            }
            if (v.isTextual()) {
                return "'" + v.asText().replace("\\", "\\\\").replace("'", "\\'") + "'";
            }
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(repr(i)));
                return "[" + String.join(", ", items) + "]";
            }
            if (v.isObject()) {
                List<String> items = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    items.add("'" + e.getKey() + "': " + repr(e.getValue()));
                }
                return "{" + String.join(", ", items) + "}";
            }
            return v.toString();
        }
    }
}
