package io.strato.network.tags;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A resource's tags: {@code {"tags": ["a", "b"]}}. */
@Schema(name = "TagsResponse")
public record TagsView(@JsonProperty("tags") List<String> tags) {
}
