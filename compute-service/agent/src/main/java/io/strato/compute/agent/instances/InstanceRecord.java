package io.strato.compute.agent.instances;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.strato.compute.protocol.Commands;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the agent keeps about one instance, in {@code <instance dir>/instance.json}: enough to rebuild
 * its domain XML (resize, revert, a simulated host's restart) and the power state compute-service expects.
 *
 * @param flavor   the flavor the domain is defined with now
 * @param resize   the resize awaiting confirm or revert, or null
 * @param expected the power state the last command left the domain in
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InstanceRecord(UUID serverId, String name, String projectId, String userId, Commands.Flavor flavor,
                             Commands.Image image, List<Commands.Port> ports, boolean directBoot, String cmdline,
                             ExpectedPower expected, PendingResize resize, Instant createdAt) {

    /**
     * A resize in progress: the flavor to go back to, and whether the server ran before (a revert starts it again).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PendingResize(Commands.Flavor oldFlavor, Commands.Flavor newFlavor, boolean wasRunning) {
    }

    public InstanceRecord withExpected(ExpectedPower power) {
        return new InstanceRecord(serverId, name, projectId, userId, flavor, image, ports, directBoot, cmdline, power,
                resize, createdAt);
    }

    public InstanceRecord withFlavor(Commands.Flavor newFlavor, PendingResize pending) {
        return new InstanceRecord(serverId, name, projectId, userId, newFlavor, image, ports, directBoot, cmdline,
                expected, pending, createdAt);
    }
}
