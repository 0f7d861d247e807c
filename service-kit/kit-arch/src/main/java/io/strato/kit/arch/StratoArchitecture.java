package io.strato.kit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The rules of CONVENTIONS.md that a machine can check, for one module's main classes. A module's test
 * imports its classes with {@link #mainClasses} and checks the rules that apply to it:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> serviceRules() {
 *     return StratoArchitecture.serviceTests("io.strato.network");
 * }
 * }</pre>
 */
public final class StratoArchitecture {

    /** The root package of every Strato service module; a service may use its own and the kit's, no other's. */
    private static final List<String> SERVICE_ROOTS = List.of("io.strato.identity", "io.strato.image",
            "io.strato.network", "io.strato.compute", "io.strato.volume", "io.strato.gateway");

    /** What "the database layer" is: Hibernate, Panache, JPA, JDBC and the reactive SQL clients, Flyway, kit-data. */
    private static final String[] DATABASE = {"org.hibernate..", "io.quarkus.hibernate..", "jakarta.persistence..",
        "java.sql..", "javax.sql..", "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..",
        "org.flywaydb..", "io.strato.kit.data.."};

    private StratoArchitecture() {
    }

    /** The module's own production classes under {@code rootPackage} (tests and jars left out). */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** No two packages below {@code rootPackage} depend on each other, directly or around a cycle. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles()
                .because("a package cycle makes the features impossible to read, test or move one at a time");
    }

    /** REST resources (classes named *Resource) parse, authorize, call a service and render; they never query. */
    public static ArchRule resourcesDoNotTouchPersistence() {
        return noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "io.quarkus.hibernate..",
                        "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "java.sql..")
                .because("CONVENTIONS.md: resources are thin; queries belong to services and repositories");
    }

    /** The module uses no other Strato service's code: services share contracts (HTTP, events), not classes. */
    public static ArchRule noOtherServiceCode(String ownRoot, String... alsoAllowed) {
        String[] others = Stream.concat(SERVICE_ROOTS.stream(), Stream.of())
                .filter(r -> !ownRoot.startsWith(r) && !r.startsWith(ownRoot))
                .filter(r -> Stream.of(alsoAllowed).noneMatch(r::startsWith))
                .map(r -> r + "..").toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk over REST and Kafka, never through each other's classes");
    }

    /** An agent (or the gateway) owns no database: nothing of Hibernate, JDBC, SQL clients, Flyway or kit-data. */
    public static ArchRule noDatabaseLayer() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(DATABASE)
                .because("per-host agents and the gateway keep no database; their state is the host's and Kafka's");
    }

    /** The rules of a service with an API and a database: no cycles, thin resources, no other service's code. */
    public static List<ArchRule> serviceRules(String rootPackage) {
        return List.of(noPackageCycles(rootPackage), resourcesDoNotTouchPersistence(), noOtherServiceCode(rootPackage));
    }

    /**
     * One JUnit test per rule on the module's main classes, for a {@code @TestFactory}:
     * {@code return StratoArchitecture.tests("io.strato.gateway", noPackageCycles(...), noDatabaseLayer());}
     */
    public static Stream<DynamicTest> tests(String rootPackage, ArchRule... rules) {
        JavaClasses classes = mainClasses(rootPackage);
        return Stream.of(rules).map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    /** {@link #tests} of the {@link #serviceRules}. */
    public static Stream<DynamicTest> serviceTests(String rootPackage) {
        return tests(rootPackage, serviceRules(rootPackage).toArray(ArchRule[]::new));
    }
}
