# Network agent of deploy/local/strato (issue 13): one per host whose guests have real taps, i.e. the real
# host (STRATO_REAL_HOST=1, lib/compute.sh). It programs this machine's kernel: a bridge per network,
# nftables security groups and dnsmasq in qdhcp-<network> namespaces. Simulated hosts have no taps and no
# network agent. Sourced, not executed; the strato script defines STATE and admin_password().
#
#   STRATO_NETWORK_AGENT_PORT (8811)   its health port
#   STRATO_NETWORK_AGENT (auto)        0: never start it; 1: start it even without the real host

NETWORK_AGENT=network-agent-real
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
ENV
}
