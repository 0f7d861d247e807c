package io.strato.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.strato.kit.arch.StratoArchitecture;
import org.junit.jupiter.api.Test;

/** The gateway's rules of CONVENTIONS.md: no package cycles, no database layer, no service's code. */
class ArchitectureTest {

    private static final String ROOT = "io.strato.gateway";
    private static final JavaClasses CLASSES = StratoArchitecture.mainClasses(ROOT);

    @Test
    void noPackageCycles() {
        StratoArchitecture.noPackageCycles(ROOT).check(CLASSES);
    }

    @Test
    void noDatabaseLayer() {
        StratoArchitecture.noDatabaseLayer().check(CLASSES);
    }

    @Test
    void noOtherServiceCode() {
        StratoArchitecture.noOtherServiceCode(ROOT).check(CLASSES);
    }
}
