package io.strato.compute.api;

import io.strato.kit.faults.InvalidInput;
import java.util.List;

/** Nova's pagination parameters (common.get_pagination_params): non-negative integers, 400 otherwise. */
public final class Pagination {
    private Pagination() {
    }

    /** The {@code limit} parameter; null when absent. */
    public static Integer limit(String value) {
        return nonNegative("limit", value);
    }

    /** A window of a list: Nova's {@code common.limited}. */
    public record Window(int offset, int count) {
        /** The items from {@code offset} on, at most {@code count} of them. */
        public <T> List<T> of(List<T> items) {
            int from = Math.min(offset, items.size());
            return items.subList(from, (int) Math.min((long) from + count, items.size()));
        }
    }

    /** The window of {@code limit} (absent or 0: {@code maxLimit}, never more) items from {@code offset} (0). */
    public static Window window(String limit, String offset, int maxLimit) {
        Integer l = limit(limit);
        Integer o = nonNegative("offset", offset);
        return new Window(o == null ? 0 : o, l == null || l == 0 ? maxLimit : Math.min(l, maxLimit));
    }

    private static Integer nonNegative(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new InvalidInput(name + " param must be positive");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInput(name + " param must be an integer");
        }
    }
}
