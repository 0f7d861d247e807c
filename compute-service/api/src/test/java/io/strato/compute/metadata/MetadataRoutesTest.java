package io.strato.compute.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetadataRoutesTest {
    @Test
    void theDocumentsPathsAreTheirTemplates() {
        assertEquals("/", MetadataRoutes.template("/"));
        assertEquals("/openstack", MetadataRoutes.template("/openstack/"));
        assertEquals("/openstack/{version}", MetadataRoutes.template("/openstack/2016-06-30"));
        assertEquals("/openstack/{version}/meta_data.json", MetadataRoutes.template("/openstack/latest/meta_data.json"));
        assertEquals("/openstack/{version}/user_data", MetadataRoutes.template("/openstack/2012-08-10/user_data"));
        assertEquals("/{ec2_version}", MetadataRoutes.template("/2009-04-04/"));
        assertEquals("/{ec2_version}/user-data", MetadataRoutes.template("/latest/user-data"));
        assertEquals("/{ec2_version}/meta-data", MetadataRoutes.template("/latest/meta-data/"));
        assertEquals("/{ec2_version}/meta-data/{key}", MetadataRoutes.template("/latest/meta-data/public-keys/0/openssh-key"));
    }

    @Test
    void anyOtherPathIsUnknown() {
        String id = UUID.randomUUID().toString();
        for (String path : new String[] {"/" + id, "/openstack/" + id, "/openstack/latest/" + id, "/latest/" + id,
                "/openstack/latest/meta_data.json/" + id, null}) {
            assertEquals("UNKNOWN", MetadataRoutes.template(path), path);
        }
    }
}
