package io.strato.network.tags;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.network.api.Neutron;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Neutron's tag rules (neutron/extensions/tagging.py): a tag is a string of at most 255 characters, a
 * tag list has no duplicates, and a resource carries at most 50 tags.
 */
public final class Tags {
    public static final int MAX_LENGTH = 255;
    public static final int MAX_COUNT = 50;

    private Tags() {
    }

    /** A tag named in a path ({@code /tags/{tag}}) or a body; a NUL in it is a 400 (PostgreSQL cannot store one). */
    public static String tag(String tag) {
        if (tag.indexOf('\0') >= 0) {
            throw Neutron.invalid("a tag contains a NUL character (\\u0000), which is not allowed.");
        }
        if (tag.length() > MAX_LENGTH) {
            throw Neutron.invalid("'" + tag + "' exceeds maximum length of " + MAX_LENGTH + ".");
        }
        return tag;
    }

    /** The {@code tags} of a body such as {@code {"tags": ["a", "b"]}}, or a 400 saying what is wrong. */
    public static List<String> of(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("tags")) {
            throw Neutron.invalid("Invalid tags body");
        }
        return list(body.get("tags"));
    }

    /** A list of unique tags (a body's {@code tags}). */
    public static List<String> list(JsonNode tags) {
        if (tags == null || !tags.isArray()) {
            throw Neutron.invalid("'" + tags + "' is not a list");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (JsonNode t : tags) {
            if (!t.isTextual()) {
                throw Neutron.invalid("'" + t + "' is not a valid string");
            }
            String tag = tag(t.asText());
            if (!seen.add(tag)) {
                duplicates.add(tag);
            }
            out.add(tag);
        }
        if (!duplicates.isEmpty()) {
            throw Neutron.invalid("Duplicate items in the list: '" + String.join(", ", duplicates) + "'");
        }
        return out;
    }

    /** Refuses more than {@link #MAX_COUNT} tags on one resource. */
    static void checkCount(String collection, List<String> tags) {
        if (tags.size() > MAX_COUNT) {
            throw Neutron.badRequest("BadRequest", "Bad " + collection + " request: The number of tags exceed the "
                    + "per-resource limit of " + MAX_COUNT + ".");
        }
    }
}
