package io.strato.compute.metadata;

import io.strato.compute.protocol.Commands;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Decides whether a server gets a config drive, and renders its content for the spawn command. */
@ApplicationScoped
public class ConfigDrives {

    /** The image property that makes a drive mandatory for the image's servers (Nova's {@code img_config_drive}). */
    static final String IMAGE_PROPERTY = "img_config_drive";

    private final ConfigDriveConfig config;

    ConfigDrives(ConfigDriveConfig config) {
        this.config = config;
    }

    /**
     * Nova's {@code configdrive.required_by}: the server asked for one ({@code config_drive} true), the image
     * requires one ({@code img_config_drive=mandatory}), or the operator forces them.
     */
    static boolean required(String requested, boolean forced, Map<String, String> imageProperties) {
        return forced || requested != null && !requested.isEmpty()
                || imageProperties != null && "mandatory".equalsIgnoreCase(imageProperties.get(IMAGE_PROPERTY));
    }

    /**
     * The config drive of {@code s} with its ports as bound now, or null when it gets none. A server that gets one
     * shows {@code config_drive: "True"} from then on, as Nova marks it when it builds the drive.
     */
    public Commands.ConfigDrive forSpawn(Server s, List<ServerPort> ports) {
        Map<String, String> imageProperties = s.imageMeta == null ? null : s.imageMeta.properties();
        if (!required(s.configDrive, config.force(), imageProperties)) {
            return null;
        }
        s.configDrive = "True";
        return Commands.ConfigDrive.of(ConfigDriveFiles.of(InstanceLookup.of(s, ports)));
    }
}
