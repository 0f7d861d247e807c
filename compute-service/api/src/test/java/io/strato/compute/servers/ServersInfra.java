package io.strato.compute.servers;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Server tests run against their own database and consumer group, with image-service, network-service and
 * identity played by {@link StubCloud} (canned Glance/Neutron/Keystone JSON over HTTP) and the agents' part
 * played by the tests themselves, which publish the agents' reports to Kafka (the real protocol).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = StratoInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "compute_servers_test"))
@WithTestResource(TestIdentity.class)
@WithTestResource(StubCloud.class)
public @interface ServersInfra {
}
