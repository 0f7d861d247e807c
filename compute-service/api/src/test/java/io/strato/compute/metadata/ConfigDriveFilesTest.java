package io.strato.compute.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.compute.protocol.Commands;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A config drive holds the metadata API's own documents, in Nova's layout of dated versions. */
class ConfigDriveFilesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGk5 strato@test";
    static final String SCRIPT = "#!/bin/sh\necho config-drive > /tmp/marker\n";

    static InstanceData instance(String userData) {
        UUID id = UUID.fromString("5f2a7c1e-0b6d-4a63-9d0e-1c2b3a4d5e6f");
        return new InstanceData(id, "Web Server 01", "project-1", "nova", "mykey", KEY, userData,
                Map.of("role", "web"), 0, Instant.parse("2025-01-02T03:04:05Z"),
                List.of(new InstanceData.Nic(UUID.fromString("11111111-2222-3333-4444-555555555555"), UUID.randomUUID(),
                        "fa:16:3e:00:00:01", 0, List.of("10.0.0.5"), List.of())));
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void everyFileIsTheDocumentTheMetadataApiServesForThatPath() {
        InstanceData i = instance(base64(SCRIPT));
        Map<String, byte[]> files = ConfigDriveFiles.of(i);

        files.forEach((path, bytes) -> {
            if (path.startsWith("openstack/")) {
                assertArrayEquals(MetadataDocuments.at(i, "/" + path).orElseThrow().body(), bytes, path);
            }
        });
        assertEquals(SCRIPT, text(files.get("openstack/latest/user_data")), "user_data decoded, as the API serves it");
        assertEquals(SCRIPT, text(files.get("ec2/latest/user-data")));
        assertEquals(SCRIPT, text(files.get("ec2/2009-04-04/user-data")));
    }

    @Test
    void theVersionDirectoriesHoldTheFilesNovaDatesThemWith() {
        Set<String> paths = ConfigDriveFiles.of(instance(base64(SCRIPT))).keySet();

        for (String v : MetadataDocuments.VERSIONS) {
            assertTrue(paths.contains("openstack/" + v + "/meta_data.json"), v);
            assertTrue(paths.contains("openstack/" + v + "/user_data"), v);
        }
        assertFalse(paths.contains("openstack/2013-04-04/vendor_data.json"), "vendor_data.json is Havana's");
        assertTrue(paths.contains("openstack/2013-10-17/vendor_data.json"));
        assertFalse(paths.contains("openstack/2013-10-17/network_data.json"), "network_data.json is Liberty's");
        assertTrue(paths.contains("openstack/2015-10-15/network_data.json"));
        assertFalse(paths.contains("openstack/2016-06-30/vendor_data2.json"), "vendor_data2.json is Newton's");
        assertTrue(paths.containsAll(List.of("openstack/2016-10-06/vendor_data2.json",
                "openstack/latest/network_data.json", "openstack/latest/vendor_data.json",
                "openstack/latest/vendor_data2.json")));
        assertEquals(Set.of("ec2/2009-04-04/meta-data.json", "ec2/2009-04-04/user-data", "ec2/latest/meta-data.json",
                "ec2/latest/user-data"), paths.stream().filter(p -> p.startsWith("ec2/")).collect(Collectors.toSet()),
                "EC2 only from 2009-04-04, as Nova's config_drive_skip_versions leaves it");
    }

    @Test
    void withoutUserDataThereIsNoUserDataFile() {
        Set<String> paths = ConfigDriveFiles.of(instance(null)).keySet();
        assertTrue(paths.stream().noneMatch(p -> p.endsWith("user_data") || p.endsWith("user-data")), paths.toString());
        assertTrue(paths.contains("openstack/latest/meta_data.json"));
    }

    @Test
    void metaDataCarriesTheHostnameAndKeyTheGuestInstalls() throws Exception {
        InstanceData i = instance(null);
        JsonNode meta = JSON.readTree(ConfigDriveFiles.of(i).get("openstack/latest/meta_data.json"));
        assertEquals(i.id().toString(), meta.path("uuid").asText());
        assertEquals("web-server-01", meta.path("hostname").asText());
        assertEquals(KEY, meta.path("public_keys").path("mykey").asText());
        assertEquals("web", meta.path("meta").path("role").asText());
    }

    @Test
    void theEc2MetaDataJsonIsTheTreeTheEc2PathsServe() throws Exception {
        InstanceData i = instance(null);
        JsonNode ec2 = JSON.readTree(ConfigDriveFiles.of(i).get("ec2/latest/meta-data.json"));

        assertEquals(i.id().toString(), ec2.path("instance-id").asText());
        assertEquals("web-server-01", ec2.path("hostname").asText());
        assertEquals("10.0.0.5", ec2.path("local-ipv4").asText());
        assertEquals("nova", ec2.path("placement").path("availability-zone").asText());
        assertEquals(KEY, ec2.path("public-keys").path("0").path("openssh-key").asText());
        assertEquals(0, ec2.path("ami-launch-index").asInt(-1));
        for (String leaf : List.of("instance-id", "hostname", "local-ipv4", "placement/availability-zone",
                "public-keys/0/openssh-key")) {
            assertEquals(ec2.at("/" + leaf).asText(), text(MetadataDocuments.at(i, "/latest/meta-data/" + leaf)
                    .orElseThrow().body()), leaf);
        }
    }

    @Test
    void theSpawnCommandCarriesEachDistinctDocumentOnce() {
        String big = "#!/bin/sh\n" + "x".repeat(48 * 1024) + "\n";
        Map<String, byte[]> files = ConfigDriveFiles.of(instance(base64(big)));
        Commands.ConfigDrive drive = Commands.ConfigDrive.of(files);

        long copies = drive.contents().stream().filter(c -> c.length() > 48 * 1024).count();
        assertEquals(1, copies, "the 48 KiB user_data is in the command once, not once per version directory");
        assertEquals(files.keySet(), drive.decode().keySet());
    }

    @Test
    void aDriveIsRequiredWhenAskedForForcedOrMandatoryForTheImage() {
        assertTrue(ConfigDrives.required("True", false, Map.of()));
        assertFalse(ConfigDrives.required("", false, Map.of()));
        assertFalse(ConfigDrives.required(null, false, null));
        assertTrue(ConfigDrives.required("", true, Map.of()), "force_config_drive");
        assertTrue(ConfigDrives.required("", false, Map.of("img_config_drive", "mandatory")));
        assertFalse(ConfigDrives.required("", false, Map.of("img_config_drive", "optional")));
    }
}
