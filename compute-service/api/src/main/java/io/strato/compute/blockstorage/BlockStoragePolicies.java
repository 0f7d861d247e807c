package io.strato.compute.blockstorage;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Nova's os-volumes rules, snapshots included (reads reader, create/delete member). */
@ApplicationScoped
public class BlockStoragePolicies implements PolicyRules {
    static final String LIST = "os_compute_api:os-volumes:list";
    static final String DETAIL = "os_compute_api:os-volumes:detail";
    static final String SHOW = "os_compute_api:os-volumes:show";
    static final String CREATE = "os_compute_api:os-volumes:create";
    static final String DELETE = "os_compute_api:os-volumes:delete";
    static final String SNAPSHOT_LIST = "os_compute_api:os-volumes:snapshots:list";
    static final String SNAPSHOT_DETAIL = "os_compute_api:os-volumes:snapshots:detail";
    static final String SNAPSHOT_SHOW = "os_compute_api:os-volumes:snapshots:show";
    static final String SNAPSHOT_CREATE = "os_compute_api:os-volumes:snapshots:create";
    static final String SNAPSHOT_DELETE = "os_compute_api:os-volumes:snapshots:delete";

    @Override
    public Map<String, String> defaults() {
        String reader = NovaBaseRules.PROJECT_READER_OR_ADMIN;
        String member = NovaBaseRules.PROJECT_MEMBER_OR_ADMIN;
        return Map.of(LIST, reader, DETAIL, reader, SHOW, reader, CREATE, member, DELETE, member,
                SNAPSHOT_LIST, reader, SNAPSHOT_DETAIL, reader, SNAPSHOT_SHOW, reader,
                SNAPSHOT_CREATE, member, SNAPSHOT_DELETE, member);
    }
}
