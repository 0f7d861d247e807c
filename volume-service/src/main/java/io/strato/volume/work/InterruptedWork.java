package io.strato.volume.work;

import java.time.Instant;

/**
 * Work a stop of volume-service left in a transient status (creating, extending, deleting), which its owner
 * settles once at start ({@link Recovery}) so nothing stays transient.
 */
public interface InterruptedWork {

    /** What is settled, for the log: "volume(s)", "snapshot(s)". */
    String what();

    /** Settles what was left transient before {@code startedAt} (later changes belong to this process); how many. */
    int settle(Instant startedAt);
}
