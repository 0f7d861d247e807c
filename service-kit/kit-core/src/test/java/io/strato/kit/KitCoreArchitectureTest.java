package io.strato.kit;

import static io.strato.kit.arch.StratoArchitecture.noDatabaseLayer;
import static io.strato.kit.arch.StratoArchitecture.noOtherServiceCode;
import static io.strato.kit.arch.StratoArchitecture.noPackageCycles;

import io.strato.kit.arch.StratoArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** kit-core is what agents and the gateway use: no package cycles, nothing of a database, no service's code. */
class KitCoreArchitectureTest {

    @TestFactory
    Stream<DynamicTest> rules() {
        String root = "io.strato.kit";
        return StratoArchitecture.tests(root, noPackageCycles(root), noDatabaseLayer(), noOtherServiceCode(root));
    }
}
