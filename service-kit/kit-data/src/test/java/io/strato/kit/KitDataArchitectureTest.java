package io.strato.kit;

import static io.strato.kit.arch.StratoArchitecture.noOtherServiceCode;
import static io.strato.kit.arch.StratoArchitecture.noPackageCycles;

import io.strato.kit.arch.StratoArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** kit-data: no package cycles (kit-core's packages included, as they share the root), no service's code. */
class KitDataArchitectureTest {

    @TestFactory
    Stream<DynamicTest> rules() {
        String root = "io.strato.kit";
        return StratoArchitecture.tests(root, noPackageCycles(root), noOtherServiceCode(root));
    }
}
