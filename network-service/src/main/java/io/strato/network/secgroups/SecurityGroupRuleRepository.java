package io.strato.network.secgroups;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SecurityGroupRuleRepository implements PanacheRepositoryBase<SecurityGroupRule, UUID> {

    /** The rules of these groups, oldest first (the order a group's view lists them in). */
    public Uni<List<SecurityGroupRule>> ofGroups(Collection<UUID> groups) {
        if (groups.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("securityGroupId in ?1 order by createdAt, id", groups);
    }
}
