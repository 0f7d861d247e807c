package io.strato.identity.credentials;

import io.smallrye.mutiny.Uni;
import io.strato.identity.assignments.EffectiveRoles;
import io.strato.identity.roles.Role;
import io.strato.identity.roles.RoleRepository;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles an application credential may carry: by default every role of the creating token; when
 * asked for, each must be one the user holds on the token's project now, as Keystone checks the
 * assignments (a role granted after the token was issued counts), so a credential never grants more
 * than its creator has.
 */
@ApplicationScoped
public class CredentialRoles {
    private final RoleRepository roles;
    private final EffectiveRoles effective;

    public CredentialRoles(RoleRepository roles, EffectiveRoles effective) {
        this.roles = roles;
        this.effective = effective;
    }

    /** Runs inside a session. */
    public Uni<List<Role>> resolve(List<ApplicationCredentialView.RoleName> requested, Caller caller) {
        Set<String> held = caller.roles().stream().map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (requested == null) {
            return roles.list("lower(name) in ?1 and (domainId is null or domainId = ?2) order by name",
                    held, caller.projectDomainId() == null ? "" : caller.projectDomainId())
                    .map(CredentialRoles::distinctByName);
        }
        Uni<Set<String>> assigned = (caller.projectId() == null ? Uni.createFrom().item(List.<Role>of())
                : effective.onProject(caller.userId(), caller.projectId()))
                .map(list -> list.stream().map(r -> r.id).collect(Collectors.toSet())).memoize().indefinitely();
        Uni<List<Role>> chain = Uni.createFrom().item(new ArrayList<>());
        for (ApplicationCredentialView.RoleName ref : requested) {
            chain = chain.flatMap(acc -> one(ref, caller).flatMap(role -> assigned.map(ids -> {
                if (!ids.contains(role.id)) {
                    throw new InvalidInput("Invalid application credential: Cannot create an application credential"
                            + " with unassigned role");
                }
                if (acc.stream().noneMatch(r -> r.id.equals(role.id))) {
                    acc.add(role);
                }
                return acc;
            })));
        }
        return chain;
    }

    /** The roles of a stored credential, in its order; roles deleted since are left out. */
    public Uni<List<Role>> ofIds(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return roles.list("id in ?1", ids).map(found -> {
            Map<String, Role> byId = found.stream().collect(Collectors.toMap(r -> r.id, r -> r));
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        });
    }

    private Uni<Role> one(ApplicationCredentialView.RoleName ref, Caller caller) {
        if (ref == null || (ref.id() == null && ref.name() == null)) {
            throw new InvalidInput("Invalid input for field 'application_credential.roles': each role needs an id or a name.");
        }
        if (ref.id() != null) {
            return roles.findById(ref.id()).onItem().ifNull().failWith(() -> new NotFound("Could not find role: " + ref.id() + "."));
        }
        Uni<Role> byName = ref.domainId() != null ? roles.findByName(ref.name(), ref.domainId())
                : roles.findByName(ref.name(), null).onItem().ifNull().switchTo(() -> caller.projectDomainId() == null
                        ? Uni.createFrom().nullItem() : roles.findByName(ref.name(), caller.projectDomainId()));
        return byName.onItem().ifNull().failWith(() -> new NotFound("Could not find role: " + ref.name() + "."));
    }

    /** A global role and a domain role may share a name: keep the global one. */
    private static List<Role> distinctByName(List<Role> found) {
        Map<String, Role> byName = new LinkedHashMap<>();
        for (Role r : found) {
            byName.merge(r.name.toLowerCase(Locale.ROOT), r, (a, b) -> a.domainId == null ? a : b);
        }
        return new ArrayList<>(byName.values());
    }
}
