package io.strato.volume.backend;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cinder's scheduler CapabilitiesFilter, for the capabilities Strato's backends report: a type's extra spec naming one
 * of them (plain, or scoped {@code capabilities:}) must match the backend's value by Cinder's extra_specs_ops (plain
 * equality, {@code <is>}, {@code <in>}, {@code <or>}, {@code =}, {@code ==}, {@code !=}, {@code >=}, {@code <=},
 * {@code s==} and the other string comparisons). Other keys are not capabilities here and do not filter (Cinder
 * would refuse a backend that does not report them).
 */
public final class CapabilitiesFilter {
    private CapabilitiesFilter() {
    }

    /** Whether a backend with {@code capabilities} passes a type's {@code extraSpecs}. */
    public static boolean passes(Map<String, String> capabilities, Map<String, String> extraSpecs) {
        if (extraSpecs == null) {
            return true;
        }
        for (Map.Entry<String, String> e : extraSpecs.entrySet()) {
            String key = e.getKey();
            if (key.contains(":")) {
                if (!key.startsWith("capabilities:")) {
                    continue;
                }
                key = key.substring("capabilities:".length());
            }
            String cap = capabilities.get(key);
            if (cap != null && !matches(cap, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Cinder's extra_specs_ops.match of a capability value against a requirement. */
    static boolean matches(String value, String req) {
        if (req == null) {
            return false;
        }
        List<String> words = Arrays.asList(req.trim().split("\\s+"));
        String op = words.get(0);
        List<String> args = words.subList(1, words.size());
        try {
            return switch (op) {
                case "<is>" -> !args.isEmpty() && bool(value) == bool(args.get(0));
                case "<in>" -> !args.isEmpty() && value.contains(args.get(0));
                case "<all-in>" -> args.stream().allMatch(value::contains);
                case "<or>" -> args.stream().filter(a -> !a.equals("<or>")).anyMatch(value::equals);
                case "=" -> !args.isEmpty() && number(value).compareTo(number(args.get(0))) >= 0;
                case "==" -> !args.isEmpty() && number(value).compareTo(number(args.get(0))) == 0;
                case "!=" -> !args.isEmpty() && number(value).compareTo(number(args.get(0))) != 0;
                case ">=" -> !args.isEmpty() && number(value).compareTo(number(args.get(0))) >= 0;
                case "<=" -> !args.isEmpty() && number(value).compareTo(number(args.get(0))) <= 0;
                case "s==" -> !args.isEmpty() && value.equals(args.get(0));
                case "s!=" -> !args.isEmpty() && !value.equals(args.get(0));
                case "s<" -> !args.isEmpty() && value.compareTo(args.get(0)) < 0;
                case "s<=" -> !args.isEmpty() && value.compareTo(args.get(0)) <= 0;
                case "s>" -> !args.isEmpty() && value.compareTo(args.get(0)) > 0;
                case "s>=" -> !args.isEmpty() && value.compareTo(args.get(0)) >= 0;
                default -> value.equals(req);
            };
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static boolean bool(String s) {
        return s.toLowerCase(Locale.ROOT).equals("true");
    }

    private static BigDecimal number(String s) {
        return new BigDecimal(s.trim());
    }
}
