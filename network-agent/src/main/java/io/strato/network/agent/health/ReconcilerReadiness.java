package io.strato.network.agent.health;

import io.strato.network.agent.reconcile.Reconciler;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the host has been made to match a full resync, and while the last pass succeeded. */
@Readiness
@ApplicationScoped
public class ReconcilerReadiness implements HealthCheck {

    private final Reconciler reconciler;

    ReconcilerReadiness(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("host-programmed").status(reconciler.healthy())
                .withData("applied_generation", reconciler.appliedGeneration()).build();
    }
}
