package io.strato.kit.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The value side of a check, with oslo.policy's {@code %(key)s} substitutions from the target
 * ({@code %%} is a literal percent sign). Parsed once; rendering a plain constant or a single
 * substitution allocates nothing.
 */
final class Template {

    private final String source;
    private final String constant;
    private final String[] literals;
    private final TargetPath[] paths;

    private Template(String source, String constant, String[] literals, TargetPath[] paths) {
        this.source = source;
        this.constant = constant;
        this.literals = literals;
        this.paths = paths;
    }

    static Template constant(String value) {
        return new Template(value, value, null, null);
    }

    /** @throws IllegalArgumentException when a {@code %} is not followed by {@code %} or {@code (key)s} */
    static Template parse(String text) {
        List<String> literals = new ArrayList<>();
        List<TargetPath> paths = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '%') {
                literal.append('%');
                i += 2;
            } else {
                int close = text.indexOf(')', i);
                if (i + 1 >= text.length() || text.charAt(i + 1) != '(' || close < 0
                        || close + 1 >= text.length() || text.charAt(close + 1) != 's' || close == i + 2) {
                    throw new IllegalArgumentException("bad substitution in '" + text
                            + "' (expected %(key)s or %%)");
                }
                literals.add(literal.toString());
                literal.setLength(0);
                paths.add(new TargetPath(text.substring(i + 2, close)));
                i = close + 2;
            }
        }
        if (paths.isEmpty()) {
            return new Template(text, literal.toString(), null, null);
        }
        literals.add(literal.toString());
        return new Template(text, null, literals.toArray(String[]::new), paths.toArray(TargetPath[]::new));
    }

    /** The value with substitutions applied, or null when the target lacks a substituted key. */
    String render(Map<String, ?> target) {
        if (constant != null) {
            return constant;
        }
        if (paths.length == 1 && literals[0].isEmpty() && literals[1].isEmpty()) {
            return Values.str(paths[0].lookup(target));
        }
        StringBuilder out = new StringBuilder(literals[0]);
        for (int i = 0; i < paths.length; i++) {
            String value = Values.str(paths[i].lookup(target));
            if (value == null) {
                return null;
            }
            out.append(value).append(literals[i + 1]);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
