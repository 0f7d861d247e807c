package io.strato.host;

import static io.strato.kit.arch.StratoArchitecture.noDatabaseLayer;
import static io.strato.kit.arch.StratoArchitecture.noOtherServiceCode;
import static io.strato.kit.arch.StratoArchitecture.noPackageCycles;

import io.strato.kit.arch.StratoArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** host-kit, under the agents: no package cycles, nothing of a database, no service's code. */
class HostKitArchitectureTest {

    @TestFactory
    Stream<DynamicTest> rules() {
        String root = "io.strato.host";
        return StratoArchitecture.tests(root, noPackageCycles(root), noDatabaseLayer(), noOtherServiceCode(root));
    }
}
