package io.strato.compute.scheduler;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scheduler and host tests run against their own database, so hosts other tests create never
 * compete for their requests; each test also uses an availability zone of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = StratoInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "compute_scheduler_test"))
@WithTestResource(TestIdentity.class)
public @interface SchedulerInfra {
}
