package io.strato.image.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsTheThreeFormsOfASingleRange() {
        assertEquals(new ByteRange(10, 10), ByteRange.parse("bytes=10-19", 100));
        assertEquals(new ByteRange(90, 10), ByteRange.parse("bytes=90-", 100));
        assertEquals(new ByteRange(95, 5), ByteRange.parse("bytes=-5", 100));
    }

    @Test
    void clampsToTheEndOfTheImage() {
        assertEquals(new ByteRange(90, 10), ByteRange.parse("bytes=90-1000", 100));
        assertEquals(new ByteRange(0, 100), ByteRange.parse("bytes=-1000", 100));
        assertEquals("bytes 90-99/100", new ByteRange(90, 10).contentRange(100));
    }

    @Test
    void refusesWhatCannotBeServed() {
        for (String header : new String[] {"bytes=100-", "bytes=5-2", "bytes=-0", "bytes=-", "bytes=1-2,4-5", "items=1-2",
                "bytes=99999999999999999999-"}) {
            assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse(header, 100), header);
        }
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=-5", 0));
    }
}
