package io.strato.compute.agent.testing;

import io.strato.compute.agent.configdrive.IsoMaker;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An ISO maker for machines without genisoimage: the "image" is a text file listing the content's files, so
 * tests of the domain and the drive's life still run there (the ISO itself is tested where genisoimage is).
 */
public final class ListingIso implements IsoMaker {

    /** Whether genisoimage and isoinfo are on the PATH. */
    public static boolean genisoimageInstalled() {
        return onPath("genisoimage") && onPath("isoinfo");
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    @Override
    public void make(Path content, Path iso) {
        try (Stream<Path> walk = Files.walk(content)) {
            Files.writeString(iso, walk.filter(Files::isRegularFile).map(p -> "/" + content.relativize(p))
                    .sorted().collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
