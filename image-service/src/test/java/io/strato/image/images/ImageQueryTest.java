package io.strato.image.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.kit.faults.InvalidInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageQueryTest {

    @Test
    void defaultOrderIsNewestFirstWithIdAsTieBreak() {
        assertEquals(List.of(new ImageQuery.Sort("created_at", true), new ImageQuery.Sort("id", true)),
                ImageQuery.sorts(Map.of()));
    }

    @Test
    void sortKeysAndDirectionsPairUp() {
        assertEquals(List.of(new ImageQuery.Sort("name", false), new ImageQuery.Sort("size", true),
                        new ImageQuery.Sort("id", true)),
                ImageQuery.sorts(Map.of("sort_key", List.of("name", "size"), "sort_dir", List.of("asc", "desc"))));
        assertEquals(List.of(new ImageQuery.Sort("name", false), new ImageQuery.Sort("status", true),
                        new ImageQuery.Sort("id", true)),
                ImageQuery.sorts(Map.of("sort", List.of("name:asc,status:desc"))));
    }

    @Test
    void unknownKeysDirectionsAndMixedStylesAre400() {
        assertThrows(InvalidInput.class, () -> ImageQuery.sorts(Map.of("sort_key", List.of("checksum; drop"))));
        assertThrows(InvalidInput.class, () -> ImageQuery.sorts(Map.of("sort_key", List.of("name"), "sort_dir", List.of("up"))));
        assertThrows(InvalidInput.class, () -> ImageQuery.sorts(Map.of("sort", List.of("name"), "sort_key", List.of("name"))));
        assertThrows(InvalidInput.class, () -> ImageQuery.sorts(Map.of("sort_key", List.of("name", "size", "id"),
                "sort_dir", List.of("asc", "desc"))));
    }

    @Test
    void afterAMarkerTreatsNullAsTheLargestValue() {
        Image marker = new Image();
        marker.id = java.util.UUID.randomUUID();
        var caller = new io.strato.kit.auth.Caller("u", "u", "d", "p", "p", "d", null, false,
                java.util.Set.of("member"), List.of(), List.of(), null, null, null);
        String sql = ImageQuery.of(caller, false, Map.of("sort_key", List.of("name"), "sort_dir", List.of("asc")))
                .after(marker).sql(10);
        // the marker has no name: nothing sorts after it by name, only by id among other nameless images
        assertTrue(sql.contains("(false)"), sql);
        assertTrue(sql.contains("i.name is null and (i.id > "), sql);
        assertFalse(sql.contains(marker.id.toString()), "values are bound, never inlined: " + sql);
    }
}
