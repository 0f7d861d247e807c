package io.strato.kit.web;

import io.strato.kit.faults.InvalidInput;

/**
 * Limit/marker paging as OpenStack APIs do it: at most {@code limit} items that sort after the item
 * whose id is {@code marker}.
 *
 * @param limit  how many items at most (already capped by the service's maximum)
 * @param marker id of the last item of the previous page, or null for the first page
 */
public record Paging(int limit, String marker) {

    /** Parses raw query values; a non-numeric or negative limit is a 400. */
    public static Paging of(String limit, String marker, int defaultLimit, int maxLimit) {
        int n = defaultLimit;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInput("limit must be an integer, not '" + limit + "'.");
            }
            if (n < 0) {
                throw new InvalidInput("limit must not be negative.");
            }
        }
        return new Paging(Math.min(n, maxLimit), marker == null || marker.isBlank() ? null : marker);
    }
}
