package io.strato.compute;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.strato.kit.arch.StratoArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CONVENTIONS.md, checked: no package cycles, thin resources, no other service's code. The api's own protocol
 * module ({@code io.strato.compute.protocol}) is compute's, so the service rules allow it.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = StratoArchitecture.mainClasses("io.strato.compute");
    }

    @Test
    void serviceRules() {
        StratoArchitecture.serviceRules("io.strato.compute").forEach(rule -> rule.check(classes));
    }
}
