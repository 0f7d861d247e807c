package io.strato.identity.projects;

import java.util.Arrays;
import java.util.List;

/**
 * Keystone's project list filters. Tag filters take comma-separated lists: {@code tags} (all of),
 * {@code tags-any} (any of), {@code not-tags} (not all of), {@code not-tags-any} (none of).
 */
public record ProjectFilter(String name, String domainId, String parentId, Boolean enabled,
                            List<String> tags, List<String> tagsAny, List<String> notTags, List<String> notTagsAny) {

    public static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    public boolean matchesTags(Project p) {
        List<String> have = p.tagList();
        if (!tags.isEmpty() && !have.containsAll(tags)) {
            return false;
        }
        if (!tagsAny.isEmpty() && tagsAny.stream().noneMatch(have::contains)) {
            return false;
        }
        if (!notTags.isEmpty() && have.containsAll(notTags)) {
            return false;
        }
        return notTagsAny.isEmpty() || notTagsAny.stream().noneMatch(have::contains);
    }
}
