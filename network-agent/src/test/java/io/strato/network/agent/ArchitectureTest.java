package io.strato.network.agent;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.strato.kit.arch.StratoArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CONVENTIONS.md, checked for the per-host network agent: no package cycles, no database layer, no other
 * service's code (it knows network-service only by its API and events), and the planning and rendering code
 * is pure: only the {@code host} package runs tools.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = StratoArchitecture.mainClasses("io.strato.network.agent");
    }

    @Test
    void noPackageCycles() {
        StratoArchitecture.noPackageCycles("io.strato.network.agent").check(classes);
    }

    @Test
    void noDatabaseLayer() {
        StratoArchitecture.noDatabaseLayer().check(classes);
    }

    @Test
    void noOtherServiceCode() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.strato.network..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(resideInAPackage("io.strato.network.agent.."))))
                .because("network-service is reached through its API and events only")
                .check(classes);
    }

    @Test
    void planningAndStateNeverTouchTheHost() {
        noClasses().that().resideInAnyPackage("..agent.plan..", "..agent.state..", "..agent.model..")
                .should().dependOnClassesThat().resideInAnyPackage("..agent.host..", "io.strato.host..", "java.lang.ProcessBuilder")
                .because("what the host must look like is decided without running anything")
                .check(classes);
    }
}
