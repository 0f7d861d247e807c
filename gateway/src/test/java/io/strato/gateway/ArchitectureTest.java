package io.strato.gateway;

import static io.strato.kit.arch.StratoArchitecture.noDatabaseLayer;
import static io.strato.kit.arch.StratoArchitecture.noOtherServiceCode;
import static io.strato.kit.arch.StratoArchitecture.noPackageCycles;

import io.strato.kit.arch.StratoArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** CONVENTIONS.md's rules for the gateway: no package cycles, no database layer, no service's code. */
class ArchitectureTest {

    private static final String ROOT = "io.strato.gateway";

    @TestFactory
    Stream<DynamicTest> rules() {
        return StratoArchitecture.tests(ROOT, noPackageCycles(ROOT), noDatabaseLayer(), noOtherServiceCode(ROOT));
    }
}
