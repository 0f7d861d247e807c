package io.strato.volume.api;

import java.util.List;

/** One of a resource's {@code links} ({@code self}, {@code bookmark}) or of a list's {@code <collection>_links} ({@code next}). */
public record Link(String rel, String href) {

    /** A list's {@code <collection>_links}: the one link to the next page. */
    public static List<Link> next(String href) {
        return List.of(new Link("next", href));
    }
}
