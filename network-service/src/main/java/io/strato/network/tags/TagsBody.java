package io.strato.network.tags;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code PUT} and {@code POST /v2.0/{collection}/{id}/tags}, {@code {"tags": ["a", "b"]}}, as
 * OpenAPI publishes it. The list stays JSON so that {@link Tags} answers a bad one with Neutron's message.
 */
public record TagsBody(@JsonProperty("tags") JsonNode tags) {
}
