package io.strato.volume;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.strato.kit.arch.StratoArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * CONVENTIONS.md's checkable rules for volume-service, as the kit states them for a service: no package cycles,
 * resources that never touch repositories or sessions, no other service's code.
 */
class ArchitectureTest {

    private static final String ROOT = "io.strato.volume";

    @TestFactory
    Stream<DynamicTest> serviceRules() {
        JavaClasses classes = StratoArchitecture.mainClasses(ROOT);
        return StratoArchitecture.serviceRules(ROOT).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
