package io.strato.compute.agent.health;

import io.strato.compute.agent.libvirt.LibvirtFailure;
import io.strato.compute.agent.libvirt.LibvirtHost;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when libvirt answers on the agent's connection. */
@Readiness
@ApplicationScoped
public class LibvirtReadiness implements HealthCheck {

    private final LibvirtHost libvirt;

    public LibvirtReadiness(LibvirtHost libvirt) {
        this.libvirt = libvirt;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("libvirt").withData("uri", libvirt.uri());
        try {
            return response.withData("driver", libvirt.driverType()).up().build();
        } catch (LibvirtFailure e) {
            return response.withData("error", e.getMessage()).down().build();
        }
    }
}
