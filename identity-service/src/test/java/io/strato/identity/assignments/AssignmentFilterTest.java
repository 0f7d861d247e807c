package io.strato.identity.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.kit.faults.InvalidInput;
import org.junit.jupiter.api.Test;

class AssignmentFilterTest {

    @Test
    void readsScopeAndFlagsAsKeystoneClientsSendThem() {
        AssignmentFilter f = AssignmentFilter.parse("u", null, null, "p", null, null, "", "True");
        assertEquals(Assignment.PROJECT, f.scopeType());
        assertEquals("p", f.scopeId());
        assertTrue(f.effective(), "?effective without a value is true");
        assertTrue(f.includeNames());
        AssignmentFilter sys = AssignmentFilter.parse(null, null, null, null, null, "all", null, "0");
        assertEquals(Assignment.SYSTEM, sys.scopeType());
        assertFalse(sys.effective());
        assertFalse(sys.includeNames());
    }

    @Test
    void refusesCombinationsKeystoneRefuses() {
        assertThrows(InvalidInput.class, () -> AssignmentFilter.parse("u", "g", null, null, null, null, null, null));
        assertThrows(InvalidInput.class, () -> AssignmentFilter.parse(null, null, null, "p", "d", null, null, null));
        assertThrows(InvalidInput.class, () -> AssignmentFilter.parse(null, "g", null, null, null, null, "true", null));
        assertThrows(InvalidInput.class, () -> AssignmentFilter.parse(null, null, null, null, null, "some", null, null));
        assertThrows(InvalidInput.class, () -> AssignmentFilter.parse(null, null, null, null, null, null, "maybe", null));
    }

    @Test
    void aBareFlagInTheQueryCountsAsPresent() {
        assertEquals("", AssignmentFilter.bareFlag(null, "effective", "user.id=u&effective"));
        assertEquals("", AssignmentFilter.bareFlag(null, "effective", "effective=&x=1"));
        assertEquals(null, AssignmentFilter.bareFlag(null, "effective", "effectively=1"));
        assertEquals("false", AssignmentFilter.bareFlag("false", "effective", "effective=false"));
    }
}
