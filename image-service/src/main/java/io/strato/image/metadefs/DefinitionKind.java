package io.strato.image.metadefs;

import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.NotFound;

/** The three kinds of definition a namespace holds, with Glance's words for a missing or repeated one. */
public enum DefinitionKind {
    PROPERTY("property", "A metadata definition property"),
    OBJECT("object", "A metadata definition object"),
    TAG("tag", "A metadata tag");

    /** The value of the {@code kind} column and the word in messages. */
    public final String value;
    private final String duplicateSubject;

    DefinitionKind(String value, String duplicateSubject) {
        this.value = value;
        this.duplicateSubject = duplicateSubject;
    }

    NotFound notFound(String name, String namespace) {
        return new NotFound("The metadata definition " + value + " with name=" + name
                + " was not found in namespace=" + namespace + ".");
    }

    Conflict duplicate(String name, String namespace) {
        return new Conflict(duplicateSubject + " with name=" + name + " already exists in namespace=" + namespace
                + ".");
    }
}
