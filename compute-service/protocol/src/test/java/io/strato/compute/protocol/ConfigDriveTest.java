package io.strato.compute.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A config drive travels in the spawn command with each distinct content once, and comes out byte for byte. */
class ConfigDriveTest {

    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameBytesUnderSeveralPathsTravelOnce() {
        byte[] userData = new byte[65536];
        for (int i = 0; i < userData.length; i++) {
            userData[i] = (byte) (i * 31);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String v : List.of("2012-08-10", "2013-04-04", "latest")) {
            files.put("openstack/" + v + "/user_data", userData);
            files.put("openstack/" + v + "/meta_data.json", bytes("{\"uuid\": \"x\"}"));
        }
        files.put("ec2/latest/meta-data.json", bytes("{}"));

        Commands.ConfigDrive drive = Commands.ConfigDrive.of(files);

        assertEquals(7, drive.files().size());
        assertEquals(3, drive.contents().size(), "user_data, meta_data.json and {} once each");
        Map<String, byte[]> back = drive.decode();
        assertEquals(files.keySet(), back.keySet());
        files.forEach((path, b) -> assertArrayEquals(b, back.get(path), path));
    }

    @Test
    void aSpawnCarriesItsDriveAsSnakeCaseJsonAndASpawnWithoutOneHasNull() throws Exception {
        Commands.ConfigDrive drive = Commands.ConfigDrive.of(Map.of("openstack/latest/meta_data.json", bytes("{}")));
        Commands.Spawn spawn = new Commands.Spawn(UUID.randomUUID(), UUID.randomUUID(), "p", "u", "vm", null, null,
                List.of(), null, null, Map.of(), drive);

        JsonNode json = JSON.valueToTree(spawn);
        assertEquals(0, json.path("config_drive").path("files").path("openstack/latest/meta_data.json").asInt(-1));
        Commands.Spawn back = JSON.treeToValue(json, Commands.Spawn.class);
        assertArrayEquals(bytes("{}"), back.configDrive().decode().get("openstack/latest/meta_data.json"));

        Commands.Spawn older = new Commands.Spawn(UUID.randomUUID(), UUID.randomUUID(), "p", "u", "vm", null, null,
                List.of(), null, null, Map.of());
        assertNull(JSON.treeToValue(JSON.valueToTree(older), Commands.Spawn.class).configDrive());
        assertTrue(JSON.valueToTree(older).path("config_drive").isNull());
    }

    @Test
    void aFileNamingNoContentIsRefused() {
        Commands.ConfigDrive broken = new Commands.ConfigDrive(Map.of("openstack/latest/user_data", 3), List.of("e30="));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, broken::decode);
        assertTrue(e.getMessage().contains("openstack/latest/user_data"), e.getMessage());
    }
}
