package io.strato.compute.agent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.strato.kit.arch.StratoArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CONVENTIONS.md, checked for the per-host agent: no package cycles, no database layer, and of compute's code only
 * its own packages and the protocol it shares with the api (never the api's classes).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = StratoArchitecture.mainClasses("io.strato.compute.agent");
    }

    @Test
    void noPackageCycles() {
        StratoArchitecture.noPackageCycles("io.strato.compute.agent").check(classes);
    }

    @Test
    void noDatabaseLayer() {
        StratoArchitecture.noDatabaseLayer().check(classes);
    }

    @Test
    void ofComputeOnlyTheAgentAndTheProtocol() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.strato.compute..")
                        .and(not(resideInAnyPackage("io.strato.compute.agent..", "io.strato.compute.protocol.."))))
                .because("the agent and the api share the protocol module, not each other's classes")
                .check(classes);
        StratoArchitecture.noOtherServiceCode("io.strato.compute.agent").check(classes);
    }
}
