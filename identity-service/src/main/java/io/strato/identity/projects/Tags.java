package io.strato.identity.projects;

import io.strato.kit.faults.InvalidInput;
import java.util.LinkedHashSet;
import java.util.List;

/** Keystone's tag rules: at most 80 tags of 1-255 characters, none containing ',' or '/'. */
final class Tags {
    private Tags() {
    }

    static List<String> validated(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > 80) {
            throw new InvalidInput("A project may have at most 80 tags.");
        }
        for (String t : tags) {
            validate(t);
        }
        return List.copyOf(new LinkedHashSet<>(tags));
    }

    static String validate(String t) {
        if (t == null || t.isBlank() || t.length() > 255 || t.contains(",") || t.contains("/")) {
            throw new InvalidInput("Invalid tag '" + t + "': a tag has 1 to 255 characters and no ',' or '/'.");
        }
        return t;
    }
}
