package io.strato.compute.flavors;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an extra spec may be: a key of 1-255 characters of {@code [a-zA-Z0-9-_:. ]}, a value of at most 255
 * characters (numbers and booleans are stored as their text, as Nova does), and for the resource-policy keys
 * the agent turns into libvirt tuning a non-negative integer (Nova's extra spec validators for them):
 * <ul>
 * <li>{@code quota:cpu_shares}, {@code quota:cpu_period} (µs), {@code quota:cpu_quota} (µs) → {@code <cputune>}</li>
 * <li>{@code quota:disk_{read,write,total}_{bytes,iops}_sec} → each disk's {@code <iotune>}</li>
 * <li>{@code quota:vif_{inbound,outbound}_{average,peak,burst}} (KB/s, KB) → each interface's {@code <bandwidth>}</li>
 * <li>{@code quota:memory_limit}, {@code quota:memory_reservation} (MiB) → {@code <memtune>} hard_limit and
 *     soft_limit (Nova reads these two on VMware only; Strato's agent applies them through libvirt)</li>
 * </ul>
 * From microversion 2.86 every spec is also checked as Nova checks it ({@link KnownExtraSpecs}: a known key's value,
 * an unknown key of a known namespace refused); before 2.86 other keys are stored as given, as Nova does.
 */
final class ExtraSpecRules {
    static final Set<String> NON_NEGATIVE_INTEGER = new TreeSet<>();

    static {
        for (String k : new String[]{"shares", "period", "quota"}) {
            NON_NEGATIVE_INTEGER.add("quota:cpu_" + k);
        }
        for (String stat : new String[]{"read", "write", "total"}) {
            for (String metric : new String[]{"bytes", "iops"}) {
                NON_NEGATIVE_INTEGER.add("quota:disk_" + stat + "_" + metric + "_sec");
            }
        }
        for (String dir : new String[]{"inbound", "outbound"}) {
            for (String metric : new String[]{"average", "peak", "burst"}) {
                NON_NEGATIVE_INTEGER.add("quota:vif_" + dir + "_" + metric);
            }
        }
        NON_NEGATIVE_INTEGER.add("quota:memory_limit");
        NON_NEGATIVE_INTEGER.add("quota:memory_reservation");
    }

    private ExtraSpecRules() {
    }

    /**
     * The specs of a JSON object ({@code {"key": value, ...}}), validated, with Nova's registry of known extra specs
     * when {@code known} (2.86 and later).
     */
    static Map<String, String> parse(JsonNode specs, String field, boolean known) {
        if (specs == null || !specs.isObject()) {
            throw BodyFields.invalid(field, specs, (specs == null ? "None" : specs.toString()) + " is not of type 'object'");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = specs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = key(e.getKey());
            String value = value(key, e.getValue(), known);
            out.put(key, value);
        }
        return out;
    }

    static String key(String key) {
        if (!BodyFields.METADATA_KEY.matcher(key).matches()) {
            throw new InvalidInput("Additional properties are not allowed ('" + key + "' was unexpected): an extra spec key has "
                    + "1 to 255 characters of letters, digits, '-', '_', ':', '.' and spaces.");
        }
        return key;
    }

    static String value(String key, JsonNode v, boolean known) {
        String text;
        if (v.isTextual()) {
            text = v.asText();
        } else if (v.isNumber()) {
            text = v.asText();
        } else if (v.isBoolean()) {
            text = v.asBoolean() ? "True" : "False";
        } else {
            throw BodyFields.invalid(key, v, v + " is not of type 'string', 'number', 'boolean'");
        }
        if (text.length() > 255) {
            throw BodyFields.invalid(key, v, "the value of extra spec " + key + " is longer than 255 characters");
        }
        if (known) {
            KnownExtraSpecs.validate(key, text);
        }
        if (NON_NEGATIVE_INTEGER.contains(key) && !text.strip().matches("[0-9]{1,18}")) {
            throw new InvalidInput("Validation failed; extra spec " + key + " must be a non-negative integer, not '" + text + "'.");
        }
        return NON_NEGATIVE_INTEGER.contains(key) ? text.strip() : text;
    }
}
