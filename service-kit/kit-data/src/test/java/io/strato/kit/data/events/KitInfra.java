package io.strato.kit.data.events;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.strato.kit.testing.StratoInfraResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The kit's tests run against database kit_test on the local PostgreSQL and the local Kafka broker. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "kit_test"))
public @interface KitInfra {
}
