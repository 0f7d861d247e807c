package io.strato.network.api;

/** A member of a {@code <collection>_links} list: {@code {"rel": "next", "href": "..."}}. */
public record Link(String rel, String href) {
}
