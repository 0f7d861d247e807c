package io.strato.network;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.strato.kit.arch.StratoArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * CONVENTIONS.md as far as a machine can check it: no package cycles, resources that never touch
 * repositories or sessions, no other service's code. One test per rule, named by the rule.
 */
class ArchitectureTest {

    private static final String ROOT = "io.strato.network";

    @TestFactory
    Stream<DynamicTest> serviceRules() {
        JavaClasses classes = StratoArchitecture.mainClasses(ROOT);
        return StratoArchitecture.serviceRules(ROOT).stream()
                .map(rule -> dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
