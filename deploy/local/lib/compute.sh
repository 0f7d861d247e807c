# Compute agents of deploy/local/strato: one per simulated hypervisor host. Sourced, not executed.
# The strato script defines STATE and admin_password(); services.sh starts the rows agent_rows prints.
#
# Each agent drives libvirt's test driver on its own host XML ($STATE/hosts/<host>.xml), so a laptop
# runs a small "rack" of hosts with no hypervisor. Environment:
#   STRATO_AGENTS (2)             how many agents / simulated hosts
#   STRATO_AGENT_BASE_PORT (8800) agent N serves its health on this port + N
#   STRATO_HOST_VCPUS (32)        vCPUs of each simulated host
#   STRATO_HOST_MEMORY_GB (64)    memory of each simulated host
#   STRATO_HOST_DISK_GB (1000)    local disk each simulated host reports
#   STRATO_REAL_HOST (unset)      1: one more agent, compute-agent-real, drives a real libvirtd on this machine
#                                 (qemu:///system, set up by lib/realhost.sh) as host strato-real-1 in
#                                 availability zone "real"; its guests really run (software emulation)
#   STRATO_REAL_AGENT_PORT (8899) its health port
#   STRATO_VIRT_TYPE (qemu)       its domain type: qemu (software emulation; KVM guests hang here) or kvm
#   STRATO_AGENT_JAVA_OPTS        JVM options of the agents (default: 64 MB heap)

AGENT_COUNT=${STRATO_AGENTS:-2}
AGENT_BASE_PORT=${STRATO_AGENT_BASE_PORT:-8800}
[[ "$AGENT_COUNT" =~ ^[0-9]+$ ]] || die "STRATO_AGENTS must be a number, got '$AGENT_COUNT'"
[[ "$AGENT_BASE_PORT" =~ ^[0-9]+$ ]] || die "STRATO_AGENT_BASE_PORT must be a number, got '$AGENT_BASE_PORT'"

# The agents hold no database and serve health only: a 64 MB heap is plenty.
read -r -a AGENT_JVM <<<"${STRATO_AGENT_JAVA_OPTS:--Xms16m -Xmx64m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ActiveProcessorCount=2 -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m -XX:MaxDirectMemorySize=32m -XX:TrimNativeHeapInterval=5000}"

REAL_AGENT=compute-agent-real
REAL_AGENT_PORT=${STRATO_REAL_AGENT_PORT:-8899}
REAL_HOST_NAME=strato-real-1
REAL_HOST_ZONE=real
[[ "$REAL_AGENT_PORT" =~ ^[0-9]+$ ]] || die "STRATO_REAL_AGENT_PORT must be a number, got '$REAL_AGENT_PORT'"

# real_host_wanted: STRATO_REAL_HOST=1 asks for the real host's agent
real_host_wanted() { [ "${STRATO_REAL_HOST:-}" = 1 ]; }
if [ "$REAL_AGENT_PORT" -gt "$AGENT_BASE_PORT" ] && [ "$REAL_AGENT_PORT" -le $((AGENT_BASE_PORT + AGENT_COUNT)) ]; then
  die "STRATO_REAL_AGENT_PORT $REAL_AGENT_PORT is the port of a simulated agent (8800+N)"
fi

# agent_rows: SERVICES rows of the agents (name, module dir, health port, readiness path). The real host's
# agent is a row when it is asked for, or when it still runs (so down and status see it without the variable).
agent_rows() {
  local i
  for ((i = 1; i <= AGENT_COUNT; i++)); do
    printf 'compute-agent-%d compute-service/agent %d /q/health/ready\n' "$i" $((AGENT_BASE_PORT + i))
  done
  if real_host_wanted || [ -f "$STATE/$REAL_AGENT.pid" ]; then
    printf '%s compute-service/agent %d /q/health/ready\n' "$REAL_AGENT" "$REAL_AGENT_PORT"
  fi
}

# agent_host NAME: the host an agent manages (compute-agent-2 -> strato-host-2, compute-agent-real -> strato-real-1)
agent_host() {
  if [ "$1" = "$REAL_AGENT" ]; then echo "$REAL_HOST_NAME"; else echo "strato-host-${1##*-}"; fi
}

# write_host_xml HOST: writes $STATE/hosts/HOST.xml, the test driver's description of a simulated
# host, and prints its path. Rewritten at every start so a changed size takes effect.
write_host_xml() {
  local host=$1 file=$STATE/hosts/$1.xml
  local vcpus=${STRATO_HOST_VCPUS:-32} memory_gb=${STRATO_HOST_MEMORY_GB:-64}
  [[ "$vcpus" =~ ^[0-9]+$ && "$memory_gb" =~ ^[0-9]+$ ]] || die "STRATO_HOST_VCPUS and STRATO_HOST_MEMORY_GB must be numbers"
  mkdir -p "$STATE/hosts"
  cat >"$file" <<XML
<!-- Written by deploy/local/strato: simulated hypervisor host $host for libvirt's test driver. -->
<node>
  <cpu>
    <mhz>2400</mhz>
    <model>x86_64</model>
    <active>$vcpus</active>
    <max>$vcpus</max>
    <nodes>1</nodes>
    <sockets>1</sockets>
    <cores>$vcpus</cores>
    <threads>1</threads>
  </cpu>
  <memory>$((memory_gb * 1024 * 1024))</memory>
</node>
XML
  echo "$file"
}

# agent_env NAME: the environment of one agent (service_env calls it)
agent_env() {
  local name=$1 host uri virt=qemu
  host=$(agent_host "$name")
  if [ "$name" = "$REAL_AGENT" ]; then
    uri=qemu:///system
    virt=${STRATO_VIRT_TYPE:-qemu}
    echo "STRATO_AGENT_AVAILABILITY_ZONE=$REAL_HOST_ZONE"
    # with the network agent (lib/network.sh), each guest's tap joins its network's bridge
    network_agent_wanted 2>/dev/null && echo "STRATO_AGENT_NETWORK_INTERFACE_TYPE=network-bridge"
  else
    uri="test://$(write_host_xml "$host")"
    echo "STRATO_AGENT_DISK_GB=${STRATO_HOST_DISK_GB:-1000}"
  fi
  cat <<ENV
STRATO_AGENT_HOST=$host
STRATO_AGENT_LIBVIRT_URI=$uri
STRATO_AGENT_VIRT_TYPE=$virt
STRATO_AGENT_INSTANCE_DIRECTORY=$STATE/instances/$host
STRATO_AGENT_IMAGE_CACHE_DIRECTORY=$STATE/image-cache/$host
STRATO_AGENT_IMAGE_URL=http://127.0.0.1:9292
STRATO_AGENT_SERVICE_AUTH_URL=http://127.0.0.1:5000/v3
STRATO_AGENT_SERVICE_AUTH_USERNAME=admin
STRATO_AGENT_SERVICE_AUTH_PASSWORD=$(admin_password)
STRATO_AGENT_SERVICE_AUTH_PROJECT=admin
ENV
}
