package io.strato.identity.bootstrap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one bootstrap run changed, for the log and for tests; empty when everything already existed. */
public final class BootstrapReport {
    private final List<String> changes = Collections.synchronizedList(new ArrayList<>());

    void changed(String what) {
        changes.add(what);
    }

    public List<String> changes() {
        return List.copyOf(changes);
    }

    public boolean unchanged() {
        return changes.isEmpty();
    }
}
