package io.strato.image.metadefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strato.kit.faults.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sorting and paging of the namespace list, as Glance's pagination orders and cuts it. */
class NamespaceQueryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static MetadefNamespace ns(String name, String displayName, int second) {
        MetadefNamespace n = new MetadefNamespace();
        n.id = UUID.nameUUIDFromBytes(name.getBytes());
        n.namespace = name;
        n.displayName = displayName;
        n.createdAt = T0.plusSeconds(second);
        return n;
    }

    private static List<String> names(List<MetadefNamespace> page) {
        return page.stream().map(n -> n.namespace).toList();
    }

    private final MetadefNamespace a = ns("a", "Zed", 3);
    private final MetadefNamespace b = ns("b", null, 1);
    private final MetadefNamespace c = ns("c", "Alpha", 2);
    private final List<MetadefNamespace> all = List.of(a, b, c);

    @Test
    void theDefaultIsNewestFirstTwentyFive() {
        NamespaceQuery q = NamespaceQuery.of(null, null, null, null, null, null);
        assertEquals(25, q.limit());
        assertEquals(List.of("a", "c", "b"), names(q.page(all, null)));
    }

    @Test
    void aPageStartsAfterItsMarkerEvenOneTheFilterLeftOut() {
        NamespaceQuery q = NamespaceQuery.of(null, null, "namespace", "asc", "1", "a");
        assertEquals(List.of("b"), names(q.page(all, a)));
        assertEquals(List.of("c"), names(q.page(List.of(a, c), b)), "b is not in the list, c still follows it");
    }

    @Test
    void emptyValuesSortLastAscendingAndFirstDescending() {
        assertEquals(List.of("c", "a", "b"),
                names(NamespaceQuery.of(null, null, "display_name", "asc", null, null).page(all, null)));
        assertEquals(List.of("b", "a", "c"),
                names(NamespaceQuery.of(null, null, "display_name", "desc", null, null).page(all, null)));
    }

    @Test
    void limitsAreCappedAndBadParametersRefused() {
        assertEquals(1000, NamespaceQuery.of(null, null, null, null, "5000", null).limit());
        assertEquals(List.of("x", "y"), NamespaceQuery.of(null, " x, y ,", null, null, null, null).resourceTypes());
        assertThrows(InvalidInput.class, () -> NamespaceQuery.of("shared", null, null, null, null, null));
        assertThrows(InvalidInput.class, () -> NamespaceQuery.of(null, null, "size", null, null, null));
        assertThrows(InvalidInput.class, () -> NamespaceQuery.of(null, null, null, "up", null, null));
        assertThrows(InvalidInput.class, () -> NamespaceQuery.of(null, null, null, null, "-1", null));
        assertThrows(InvalidInput.class, () -> NamespaceQuery.of(null, null, null, null, "ten", null));
    }
}
