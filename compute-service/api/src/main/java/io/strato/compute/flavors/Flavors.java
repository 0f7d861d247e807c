package io.strato.compute.flavors;

import io.smallrye.mutiny.Uni;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.compute.protocol.Commands;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which flavors a caller may see and use, as Nova's flavor queries decide: an admin every flavor; anyone else
 * the public ones and the private ones their project is on the access list of. The one place this rule lives;
 * servers use {@link #resolve} for a create's or a resize's {@code flavorRef}.
 */
@ApplicationScoped
public class Flavors {
    private final FlavorRepository flavors;
    private final FlavorSpecs specs;
    private final Policy policy;

    public Flavors(FlavorRepository flavors, FlavorSpecs specs, Policy policy) {
        this.flavors = flavors;
        this.specs = specs;
        this.policy = policy;
    }

    /**
     * The flavor a server may be built with, extra specs included. {@code flavorRef} is an id or a URL ending in
     * it. A flavor that is missing, private without access, or disabled fails with a 400
     * "Flavor &lt;ref&gt; could not be found." (Nova's answer to a bad flavorRef on create). Needs a session.
     */
    public Uni<Commands.Flavor> resolve(String flavorRef, Caller caller) {
        String id = idOf(flavorRef);
        if (id == null) {
            return Uni.createFrom().failure(new InvalidInput("Flavor " + flavorRef + " could not be found."));
        }
        return visible(id, caller).flatMap(f -> {
            if (f == null || f.disabled) {
                return Uni.createFrom().failure(new InvalidInput("Flavor " + flavorRef + " could not be found."));
            }
            return specs.of(f.id).map(extra -> toCommand(f, extra));
        });
    }

    /** The flavor with this id if the caller may see it, else null. Needs a session. */
    public Uni<Flavor> visible(String id, Caller caller) {
        return flavors.findById(id).flatMap(f -> {
            if (f == null || f.isPublic || isAdmin(caller)) {
                return Uni.createFrom().item(f);
            }
            return specs.hasAccess(f.id, caller.projectId()).map(ok -> ok ? f : null);
        });
    }

    boolean isAdmin(Caller caller) {
        return NovaBaseRules.isAdmin(policy, caller);
    }

    /** The id at the end of a flavor reference ({@code 1}, {@code http://.../flavors/1}); null when there is none. */
    static String idOf(String ref) {
        if (ref == null) {
            return null;
        }
        String r = ref.strip();
        int q = r.indexOf('?');
        if (q >= 0) {
            r = r.substring(0, q);
        }
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        String id = r.substring(r.lastIndexOf('/') + 1);
        return id.isEmpty() ? null : id;
    }

    static Commands.Flavor toCommand(Flavor f, java.util.Map<String, String> extraSpecs) {
        return new Commands.Flavor(f.id, f.name, f.vcpus, f.memoryMb, f.rootGb, f.ephemeralGb, f.swap,
                java.util.Map.copyOf(extraSpecs));
    }
}
