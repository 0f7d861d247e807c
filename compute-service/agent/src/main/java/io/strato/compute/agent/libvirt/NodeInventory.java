package io.strato.compute.agent.libvirt;

/**
 * What the host offers, from libvirt's {@code nodeInfo()} (the test driver's {@code getFreeMemory()} fails
 * for hosts described by a file, so free resources are computed by the agent, not asked of libvirt).
 *
 * @param arch              the host's CPU architecture ({@code nodeInfo().model}: {@code x86_64} on Linux hosts, the
 *                          {@code <model>} of a simulated host's XML)
 * @param cpus              logical CPUs
 * @param memoryKiB         physical memory
 * @param hypervisorType    libvirt driver name, e.g. {@code QEMU} or {@code TEST}
 * @param hypervisorVersion driver version as libvirt encodes it (major * 1,000,000 + minor * 1,000 + release)
 * @param hostname          the host's name as libvirt reports it
 */
public record NodeInventory(String arch, int cpus, long memoryKiB, String hypervisorType, long hypervisorVersion, String hostname) {
}
