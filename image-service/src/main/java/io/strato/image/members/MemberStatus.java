package io.strato.image.members;

import io.strato.kit.faults.InvalidInput;
import java.util.Locale;

/** A member's answer to a share, in Glance's words. */
public enum MemberStatus {
    PENDING, ACCEPTED, REJECTED;

    /** Glance's spelling in JSON and in the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a request's status; anything else is a 400 listing the valid values. */
    public static MemberStatus parse(String status) {
        if (status != null) {
            for (MemberStatus s : values()) {
                if (s.value().equals(status)) {
                    return s;
                }
            }
        }
        throw new InvalidInput("Invalid status: " + status + ". Valid values are pending, accepted, rejected.");
    }
}
