package io.strato.compute.servers;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/servers/{id}/action}: exactly one member, named after the action. The action's
 * arguments stay JSON (their schemas are published from the records below) so that a wrong one gets Nova's own
 * message; an action Nova does not have is kept for the {@code There is no such action} 400.
 */
public record ServerActionBody(
        @JsonProperty("os-stop") @Schema(nullable = true, description = "null") JsonNode stop,
        @JsonProperty("os-start") @Schema(nullable = true, description = "null") JsonNode start,
        @JsonProperty("reboot") @Schema(implementation = Reboot.class) JsonNode reboot,
        @JsonProperty("resize") @Schema(implementation = Resize.class) JsonNode resize,
        @JsonProperty("confirmResize") @Schema(nullable = true, description = "null") JsonNode confirmResize,
        @JsonProperty("revertResize") @Schema(nullable = true, description = "null") JsonNode revertResize,
        @JsonProperty("rebuild") @Schema(implementation = Rebuild.class) JsonNode rebuild,
        @JsonProperty("lock") @Schema(nullable = true, description = "null") JsonNode lock,
        @JsonProperty("unlock") @Schema(nullable = true, description = "null") JsonNode unlock,
        @JsonProperty("os-getConsoleOutput") @Schema(implementation = ConsoleOutput.class) JsonNode consoleOutput,
        @JsonProperty("pause") @Schema(nullable = true, description = "null") JsonNode pause,
        @JsonProperty("unpause") @Schema(nullable = true, description = "null") JsonNode unpause,
        @JsonProperty("suspend") @Schema(nullable = true, description = "null") JsonNode suspend,
        @JsonProperty("resume") @Schema(nullable = true, description = "null") JsonNode resume,
        @JsonProperty("os-resetState") @Schema(implementation = ResetState.class) JsonNode resetState,
        @JsonProperty("restore") @Schema(nullable = true, description = "null") JsonNode restore,
        @JsonProperty("injectNetworkInfo") @Schema(nullable = true, description = "null") JsonNode injectNetworkInfo,
        @JsonProperty("forceDelete") @Schema(nullable = true, description = "null") JsonNode forceDelete,
        @JsonProperty("addSecurityGroup") @Schema(implementation = SecurityGroup.class) JsonNode addSecurityGroup,
        @JsonProperty("removeSecurityGroup") @Schema(implementation = SecurityGroup.class) JsonNode removeSecurityGroup,
        @JsonProperty("addFloatingIp") @Schema(implementation = AddFloatingIp.class) JsonNode addFloatingIp,
        @JsonProperty("removeFloatingIp") @Schema(implementation = RemoveFloatingIp.class) JsonNode removeFloatingIp,
        @JsonProperty("createImage") @Schema(implementation = CreateImage.class) JsonNode createImage,
        @JsonProperty("createBackup") @Schema(implementation = CreateBackup.class) JsonNode createBackup,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** A snapshot of the server's root disk as a new image (Nova's createImage). */
    @Schema(name = "ServerCreateImageAction")
    public record CreateImage(@JsonProperty("name") @Schema(required = true, minLength = 1, maxLength = 255) String name,
                              @JsonProperty("metadata") Map<String, String> metadata) {
    }

    /** A snapshot kept as a backup of a type; older backups of that type beyond {@code rotation} are deleted. */
    @Schema(name = "ServerCreateBackupAction")
    public record CreateBackup(@JsonProperty("name") @Schema(required = true, minLength = 1, maxLength = 255) String name,
                               @JsonProperty("backup_type") @Schema(required = true) String backupType,
                               @JsonProperty("rotation") @Schema(required = true, minimum = "0") Integer rotation,
                               @JsonProperty("metadata") Map<String, String> metadata) {
    }

    /** Up to 2.43: points a floating IP (by address) at the server's fixed address (given, else its first IPv4). */
    @Schema(name = "ServerAddFloatingIpAction")
    public record AddFloatingIp(@JsonProperty("address") @Schema(required = true) String address,
                                @JsonProperty("fixed_address") String fixedAddress) {
    }

    /** Up to 2.43: takes the floating IP off the server. */
    @Schema(name = "ServerRemoveFloatingIpAction")
    public record RemoveFloatingIp(@JsonProperty("address") @Schema(required = true) String address) {
    }

    /** An admin sets the server's vm_state; its task is cleared. */
    @Schema(name = "ServerResetStateAction")
    public record ResetState(@JsonProperty("state") @Schema(required = true, enumeration = {"active", "error"}) String state) {
    }

    /** A security group (name or id) every port of the server gets or loses. */
    @Schema(name = "ServerSecurityGroupAction")
    public record SecurityGroup(@JsonProperty("name") @Schema(required = true, minLength = 1) String name) {
    }

    /** A soft reboot (ACPI) or a hard one (power cycle). */
    @Schema(name = "ServerRebootAction")
    public record Reboot(@JsonProperty("type") @Schema(required = true,
            enumeration = {"HARD", "Hard", "hard", "SOFT", "Soft", "soft"}) String type) {
    }

    /** A rebuild from an image: the guest is made anew; metadata, if given, replaces the server's. */
    @Schema(name = "ServerRebuildAction")
    public record Rebuild(@JsonProperty("imageRef") @Schema(required = true) String imageRef,
                          @JsonProperty("name") String name, @JsonProperty("adminPass") String adminPass,
                          @JsonProperty("metadata") Map<String, String> metadata,
                          @JsonProperty("accessIPv4") String accessIpv4, @JsonProperty("accessIPv6") String accessIpv6,
                          @JsonProperty("OS-DCF:diskConfig") @Schema(enumeration = {"AUTO", "MANUAL"}) String diskConfig) {
    }

    /** A resize to another flavor, confirmed or reverted afterwards. */
    @Schema(name = "ServerResizeAction")
    public record Resize(@JsonProperty("flavorRef") @Schema(required = true) String flavorRef) {
    }

    /** The last {@code length} lines of the console log; -1 or none for all of it. */
    @Schema(name = "ServerConsoleOutputAction")
    public record ConsoleOutput(@JsonProperty("length") @Schema(minimum = "-1") Integer length) {
    }
}
