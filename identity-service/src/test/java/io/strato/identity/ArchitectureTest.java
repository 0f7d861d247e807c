package io.strato.identity;

import io.strato.kit.arch.StratoArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The service rules of CONVENTIONS.md on this module's main classes: no package cycles, thin resources, no other service's code. */
class ArchitectureTest {

    private static final String ROOT = "io.strato.identity";

    @TestFactory
    Stream<DynamicTest> serviceRules() {
        return StratoArchitecture.serviceTests(ROOT);
    }
}
