package io.strato.compute.agent.configdrive;

import java.nio.file.Path;

/** Makes an ISO 9660 image labelled {@code config-2} of a directory's files. */
@FunctionalInterface
public interface IsoMaker {

    /** Writes the image of {@code content} (its files, by their paths under it) to {@code iso}. */
    void make(Path content, Path iso);
}
