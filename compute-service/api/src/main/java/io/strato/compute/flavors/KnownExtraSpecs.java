package io.strato.compute.flavors;

import io.strato.kit.faults.InvalidInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The extra specs Nova knows and checks from microversion 2.86 ({@code POST /flavors/{id}/os-extra_specs},
 * {@code PUT .../os-extra_specs/{key}}), read from the table {@code extra-specs/known.txt} (with os-traits' and
 * os-resource-classes' names beside it). As in Nova: a key a spec's name matches has its value checked; a key no
 * spec matches is refused when its namespace (the part before the first ':') is one of the table's namespaces,
 * and stored unchecked otherwise (a key without ':' too). Messages are Nova's {@code Validation failed; ...}.
 */
final class KnownExtraSpecs {
    private static final String TABLE = "/extra-specs/known.txt";
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");
    /** Python's int(): blanks around, a sign, digits with single underscores between them. */
    private static final Pattern PY_INT = Pattern.compile("[+-]?[0-9]+(?:_[0-9]+)*");

    private static final KnownExtraSpecs NOVA = load();

    /** One spec: its name's template (for messages), the name as a regular expression, what its value must be. */
    record Spec(String name, Pattern nameRegex, Value value) {
    }

    /** What a value must be: {@code str}, {@code bool}, {@code int} (with bounds), {@code enum} or {@code pattern}. */
    record Value(String type, BigInteger min, BigInteger max, List<String> choices, String novaPattern, Pattern pattern) {
    }

    private final Map<String, Spec> byName;
    private final List<Pattern> namespaces;

    private KnownExtraSpecs(Map<String, Spec> byName, List<Pattern> namespaces) {
        this.byName = byName;
        this.namespaces = namespaces;
    }

    /** Nova's validation of one extra spec (the value as its text): an {@link InvalidInput} when it fails. */
    static void validate(String name, String value) {
        NOVA.check(name, value);
    }

    void check(String name, String value) {
        Spec spec = byName.get(name);
        if (spec == null) {
            spec = byName.values().stream().filter(s -> s.nameRegex().matcher(name).matches()).findFirst().orElse(null);
        }
        if (spec != null) {
            checkValue(spec.value(), value);
            return;
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            return;
        }
        String namespace = name.substring(0, colon);
        if (namespaces.stream().anyMatch(n -> n.matcher(namespace).matches())) {
            throw failed("extra spec '" + name + "' does not appear to be a valid extra spec.");
        }
    }

    private static void checkValue(Value rule, String value) {
        switch (rule.type()) {
            case "int" -> {
                String t = value.strip();
                if (!PY_INT.matcher(t).matches()) {
                    throw failed("'" + value + "' is not a valid integer value.");
                }
                BigInteger n = new BigInteger(t.replace("_", "").replace("+", ""));
                if (rule.max() != null && rule.max().compareTo(n) < 0) {
                    throw failed("'" + n + "' is greater than the max value of '" + rule.max() + "'.");
                }
                if (rule.min() != null && rule.min().compareTo(n) > 0) {
                    throw failed("'" + n + "' is less than the min value of '" + rule.min() + "'.");
                }
            }
            case "bool" -> {
                String t = value.strip().toLowerCase(Locale.ROOT);
                if (!TRUE.contains(t) && !FALSE.contains(t)) {
                    throw failed("'" + value + "' is not a valid boolean-like value.");
                }
            }
            case "enum" -> {
                if (!rule.choices().contains(value)) {
                    throw failed("'" + value + "' is not one of: " + String.join(", ", rule.choices()) + ".");
                }
            }
            case "pattern" -> {
                if (!rule.pattern().matcher(value).matches()) {
                    throw failed("'" + value + "' is not of the format '" + rule.novaPattern() + "'.");
                }
            }
            default -> {
                // str: any string
            }
        }
    }

    private static InvalidInput failed(String why) {
        return new InvalidInput("Validation failed; " + why);
    }

    private static KnownExtraSpecs load() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("os_trait", alternation(lines("/extra-specs/os-traits.txt")));
        params.put("os_resource_class", alternation(lines("/extra-specs/os-resource-classes.txt")));
        Map<String, Spec> specs = new LinkedHashMap<>();
        Set<String> namespaces = new LinkedHashSet<>();
        for (String line : lines(TABLE)) {
            String[] f = line.split("\\s+");
            if (f[0].equals("param")) {
                params.put(f[1], f[2]);
                continue;
            }
            String nameRegex = nameRegex(f[0], params);
            specs.put(f[0], new Spec(f[0], Pattern.compile(nameRegex), value(f[0], Arrays.copyOfRange(f, 1, f.length))));
            int colon = nameRegex.indexOf(':');
            if (colon >= 0) {
                namespaces.add(nameRegex.substring(0, colon));
            }
        }
        return new KnownExtraSpecs(specs, namespaces.stream().map(Pattern::compile).toList());
    }

    /** The name's template with each {parameter} replaced by its pattern in a group (Nova's named group). */
    private static String nameRegex(String template, Map<String, String> params) {
        Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String p = params.get(m.group(1));
            if (p == null) {
                throw new IllegalStateException(TABLE + ": no param " + m.group(1) + " for " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("(" + p + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Value value(String name, String[] f) {
        if (f.length == 0) {
            throw new IllegalStateException(TABLE + ": no value rule for " + name);
        }
        List<String> rest = List.of(f).subList(1, f.length);
        return switch (f[0]) {
            case "str", "bool" -> new Value(f[0], null, null, List.of(), null, null);
            case "int" -> new Value("int", bound(rest, 0), bound(rest, 1), List.of(), null, null);
            case "enum" -> new Value("enum", null, null, List.copyOf(rest), null, null);
            case "pattern" -> {
                // "pattern NOVA [as SAFE]": SAFE (same strings, no exponential backtracking) is what is matched
                String safe = rest.size() == 3 && rest.get(1).equals("as") ? rest.get(2) : rest.get(0);
                yield new Value("pattern", null, null, List.of(), rest.get(0), Pattern.compile(safe));
            }
            default -> throw new IllegalStateException(TABLE + ": unknown value rule " + f[0] + " for " + name);
        };
    }

    private static BigInteger bound(List<String> rest, int i) {
        return rest.size() > i && !rest.get(i).equals("-") ? new BigInteger(rest.get(i)) : null;
    }

    private static String alternation(List<String> names) {
        return names.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    /** The file's lines without blanks and # comments. */
    private static List<String> lines(String resource) {
        try (InputStream in = KnownExtraSpecs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> out = new ArrayList<>();
            for (String l : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                String t = l.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
