package io.strato.compute.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of an instance's config drive, laid out as Nova's {@code InstanceMetadata.metadata_for_config_drive}
 * lays them out, each one the very document the metadata API answers for the same path (so a guest reads the same
 * bytes from the drive as from 169.254.169.254):
 * <ul>
 *   <li>{@code ec2/<version>/meta-data.json} (the EC2 tree as one document) and {@code ec2/<version>/user-data}, for
 *       2009-04-04 and latest (Nova's {@code config_drive_skip_versions} drops the older ones);</li>
 *   <li>{@code openstack/<version>/<file>} for every OpenStack version, with the files that version has.</li>
 * </ul>
 */
public final class ConfigDriveFiles {

    static final List<String> EC2_VERSIONS = List.of("2009-04-04", "latest");

    private ConfigDriveFiles() {
    }

    /** Path on the drive to content, in a stable order. */
    public static Map<String, byte[]> of(InstanceData i) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String version : EC2_VERSIONS) {
            files.put("ec2/" + version + "/meta-data.json", MetadataDocuments.ec2MetaDataJson(i));
            MetadataDocuments.at(i, "/" + version + "/user-data")
                    .ifPresent(d -> files.put("ec2/" + version + "/user-data", d.body()));
        }
        for (String version : MetadataDocuments.VERSIONS) {
            for (String file : MetadataDocuments.files(i, version)) {
                String path = "openstack/" + version + "/" + file;
                files.put(path, MetadataDocuments.at(i, "/" + path).orElseThrow(
                        () -> new IllegalStateException("the metadata API has no " + path)).body());
            }
        }
        return files;
    }
}
