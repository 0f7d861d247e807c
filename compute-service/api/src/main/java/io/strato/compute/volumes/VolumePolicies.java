package io.strato.compute.volumes;

import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.policy.PolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's default policies of os-volume_attachments: readers of the server's project list, members attach and detach. */
@ApplicationScoped
public class VolumePolicies implements PolicyRules {
    public static final String INDEX = "os_compute_api:os-volumes-attachments:index";
    public static final String SHOW = "os_compute_api:os-volumes-attachments:show";
    public static final String CREATE = "os_compute_api:os-volumes-attachments:create";
    public static final String DELETE = "os_compute_api:os-volumes-attachments:delete";
    public static final String UPDATE = "os_compute_api:os-volumes-attachments:update";
    public static final String SWAP = "os_compute_api:os-volumes-attachments:swap";

    @Override
    public Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(INDEX, NovaBaseRules.PROJECT_READER_OR_ADMIN);
        r.put(SHOW, NovaBaseRules.PROJECT_READER_OR_ADMIN);
        r.put(CREATE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN);
        r.put(DELETE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN);
        r.put(UPDATE, NovaBaseRules.PROJECT_MEMBER_OR_ADMIN);
        r.put(SWAP, NovaBaseRules.ADMIN);
        return r;
    }
}
