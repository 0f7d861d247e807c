package io.strato.compute.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The metadata API's paths: each version lists and serves the files Nova gives it, the EC2 tree path by path. */
class MetadataDocumentsTest {

    static String get(InstanceData i, String path) {
        return MetadataDocuments.at(i, path).map(d -> new String(d.body(), StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void anOldVersionHasNeitherNetworkDataNorVendorData() {
        InstanceData i = ConfigDriveFilesTest.instance(null);
        assertEquals("meta_data.json", get(i, "/openstack/2012-08-10/"));
        assertEquals(null, get(i, "/openstack/2012-08-10/network_data.json"));
        assertEquals(null, get(i, "/openstack/2013-04-04/vendor_data.json"));
        assertEquals("meta_data.json\nnetwork_data.json\nvendor_data.json\nvendor_data2.json",
                get(i, "/openstack/latest"));
        assertTrue(get(i, "/openstack/2015-10-15/network_data.json").contains("\"links\""));
    }

    @Test
    void theEc2TreeListsDirectoriesWithASlashAndKeysByIndexAndName() {
        InstanceData i = ConfigDriveFilesTest.instance(ConfigDriveFilesTest.base64("#!/bin/sh\n"));
        assertEquals("ami-launch-index\nhostname\ninstance-id\ninstance-type\nlocal-hostname\nlocal-ipv4\nplacement/\n"
                + "reservation-id\nsecurity-groups\npublic-keys/", get(i, "/latest/meta-data/"));
        assertEquals("availability-zone", get(i, "/latest/meta-data/placement"));
        assertEquals("0=mykey", get(i, "/2009-04-04/meta-data/public-keys"));
        assertEquals("openssh-key", get(i, "/latest/meta-data/public-keys/0"));
        assertEquals("0", get(i, "/latest/meta-data/ami-launch-index"));
        assertEquals(null, get(i, "/latest/meta-data/hostname/more"));
        assertEquals(null, get(i, "/latest/meta-data/nothing"));
        assertEquals("#!/bin/sh\n", get(i, "/latest/user-data"));
        InstanceData keyless = new InstanceData(i.id(), i.name(), i.projectId(), i.availabilityZone(), null, null, null,
                i.metadata(), 0, i.createdAt(), i.nics());
        assertEquals(null, get(keyless, "/latest/meta-data/public-keys"));
        assertTrue(!get(keyless, "/latest/meta-data").contains("public-keys"));
    }
}
