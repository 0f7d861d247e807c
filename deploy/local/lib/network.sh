# Network agent of deploy/local/strato (issue 13): one per host whose guests have real taps, i.e. the real
# host (STRATO_REAL_HOST=1, lib/compute.sh). It programs this machine's kernel: a bridge per network,
# nftables security groups and dnsmasq in qdhcp-<network> namespaces. Simulated hosts have no taps and no
# network agent. Sourced, not executed; the strato script defines STATE and admin_password().
#
#   STRATO_NETWORK_AGENT_PORT (8811)   its health port
#   STRATO_NETWORK_AGENT (auto)        0: never start it; 1: start it even without the real host
#
# The external network `public` (lib/resources.sh: flat, physical network "public", 172.24.4.0/24) reaches this
# machine as DevStack's br-ex does, through a veth pair that `up` makes when the agent runs: strato-ex on the host
# with 172.24.4.1/24 (the subnet's gateway address, so the host reaches floating IPs and router gateways), and its
# peer strato-ex-p, which the agent enslaves into the public network's bridge brq<network id[:11]> as the network's
# flat uplink (physical-interface-mappings public:strato-ex-p). `down` leaves the pair; `ip link del strato-ex`
# removes it.

NETWORK_AGENT=network-agent-real
# the external network's physical network, and the host's veth pair on it
PUBLIC_PHYSNET=public
EXT_VETH=strato-ex
EXT_VETH_PEER=strato-ex-p
EXT_HOST_ADDRESS=172.24.4.1/24
NETWORK_AGENT_PORT=${STRATO_NETWORK_AGENT_PORT:-8811}
[[ "$NETWORK_AGENT_PORT" =~ ^[0-9]+$ ]] || die "STRATO_NETWORK_AGENT_PORT must be a number, got '$NETWORK_AGENT_PORT'"

# network_agent_wanted: with the real host (or when asked), and only as root (it changes the kernel's state)
network_agent_wanted() {
  case "${STRATO_NETWORK_AGENT:-}" in
    0) return 1 ;;
    1) ;;
    *) real_host_wanted || return 1 ;;
  esac
  if [ "$(id -u)" -ne 0 ]; then
    say "network agent: not root, not started (guests of the real host get no network)" >&2
    return 1
  fi
  command -v nft >/dev/null && command -v dnsmasq >/dev/null \
    || die "network agent: nft and dnsmasq are needed (apt-get install nftables dnsmasq-base)"
}

# network_agent_rows: its SERVICES row when wanted, or while it still runs (so down and status see it)
network_agent_rows() {
  if network_agent_wanted || [ -f "$STATE/$NETWORK_AGENT.pid" ]; then
    printf '%s network-agent %d /q/health/ready\n' "$NETWORK_AGENT" "$NETWORK_AGENT_PORT"
  fi
}

# network_agent_env: its environment (service_env calls it); it serves the real host's ports
network_agent_env() {
  cat <<ENV
STRATO_NETWORK_AGENT_HOST=$REAL_HOST_NAME
STRATO_NETWORK_AGENT_STATE_DIRECTORY=$STATE/network-agent
STRATO_NETWORK_AGENT_NETWORK_URL=http://127.0.0.1:9696
STRATO_NETWORK_AGENT_SERVICE_AUTH_URL=http://127.0.0.1:5000/v3
STRATO_NETWORK_AGENT_SERVICE_AUTH_USERNAME=admin
STRATO_NETWORK_AGENT_SERVICE_AUTH_PASSWORD=$(admin_password)
STRATO_NETWORK_AGENT_SERVICE_AUTH_PROJECT=admin
STRATO_NETWORK_AGENT_PHYSICAL_INTERFACE_MAPPINGS=$PUBLIC_PHYSNET:$EXT_VETH_PEER
ENV
}

# network_service_env: network-service's environment (service_env calls it): physnet1 keeps its VLAN ids for
# provider VLAN networks, and the public physical network is known (no VLAN ids), so that the flat external
# network `public` can be made on it
network_service_env() {
  echo "STRATO_NETWORK_VLAN_RANGES=physnet1:100:199,$PUBLIC_PHYSNET"
}

# external_veth_up: the host's end of the public network (idempotent): the veth pair strato-ex / strato-ex-p,
# both up, 172.24.4.1/24 on strato-ex
external_veth_up() {
  if ip link show "$EXT_VETH" >/dev/null 2>&1; then
    ip -d link show "$EXT_VETH" | grep -qw veth && ip link show "$EXT_VETH_PEER" >/dev/null 2>&1 \
      || die "$EXT_VETH exists but is not a veth with peer $EXT_VETH_PEER: remove it (ip link del $EXT_VETH)"
  else
    ip link add "$EXT_VETH" type veth peer name "$EXT_VETH_PEER" || die "could not create the veth pair $EXT_VETH/$EXT_VETH_PEER"
    say "external network: veth $EXT_VETH (host, $EXT_HOST_ADDRESS) / $EXT_VETH_PEER (the public network's uplink) created"
  fi
  ip -o -4 addr show dev "$EXT_VETH" | grep -qF " $EXT_HOST_ADDRESS " \
    || ip addr add "$EXT_HOST_ADDRESS" dev "$EXT_VETH" || die "could not give $EXT_VETH the address $EXT_HOST_ADDRESS"
  ip link set "$EXT_VETH" up && ip link set "$EXT_VETH_PEER" up || die "could not set $EXT_VETH/$EXT_VETH_PEER up"
}

# external_veth_mtu MTU: the host's end takes the public network's MTU (the agent gives it to the bridge and to
# strato-ex-p; a veth drops frames larger than the receiving end's MTU)
external_veth_mtu() {
  ip link show "$EXT_VETH" >/dev/null 2>&1 || return 0
  [ "$(cat "/sys/class/net/$EXT_VETH/mtu" 2>/dev/null)" = "$1" ] || ip link set "$EXT_VETH" mtu "$1"
}
