package io.strato.compute.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One of Nova's {@code links}: {@code {"rel": "self", "href": "..."}}. */
public record Link(@JsonProperty("rel") String rel, @JsonProperty("href") String href) {

    public static Link self(String href) {
        return new Link("self", href);
    }

    public static Link bookmark(String href) {
        return new Link("bookmark", href);
    }

    /** A collection's {@code <name>_links}: the next page's link, or null (the key left out) when there is none. */
    public static List<Link> next(String href) {
        return href == null ? null : List.of(new Link("next", href));
    }
}
