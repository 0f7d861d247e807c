# A real hypervisor on this machine for deploy/local/strato: libvirtd and QEMU, without systemd.
# Sourced, not executed (by deploy/local/strato, or by any script: it needs only bash and common.sh's
# say/warn/die/as_root, which it defines itself when they are missing).
#
#   realhost_works      libvirtd answers on qemu:///system (virsh -c qemu:///system version)
#   realhost_up         install (when missing), configure and start virtlogd and libvirtd; then check
#   realhost_down       stop the libvirtd and virtlogd that realhost_up started (and nothing else)
#   realhost_status     one line: running / stopped, and what answers
#
# A libvirtd that already answers on qemu:///system (a workstation's, run by systemd) is used as it is:
# nothing is installed, configured or started then. Otherwise:
#   - packages: libvirt-daemon, libvirt-daemon-driver-qemu, qemu-system-x86, qemu-utils, libvirt-clients, cpio
#     (apt-get, when missing and STRATO_REAL_HOST_INSTALL is not 0). Not libvirt-daemon-system: it pulls in
#     systemd and its units, and its qemu.conf would run QEMU as libvirt-qemu with AppArmor.
#   - /etc/libvirt/qemu.conf gets a block between "# strato realhost begin/end" lines (rewritten each time,
#     the rest of the file kept): QEMU runs as root, with no security driver (no AppArmor/SELinux labels),
#     no cgroup controllers and no private /dev namespace — what a container without systemd allows.
#   - virtlogd -d first (libvirtd hands QEMU's stdout/stderr to it), then libvirtd -d; pid files
#     $REALHOST_RUN/{virtlogd,libvirtd}.pid record that strato started them.
# Environment: STRATO_REAL_HOST_INSTALL (1: install missing packages; 0: fail instead).

REALHOST_URI=qemu:///system
REALHOST_PACKAGES=(libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils libvirt-clients cpio)
REALHOST_QEMU_CONF=${REALHOST_QEMU_CONF:-/etc/libvirt/qemu.conf}
REALHOST_RUN=${REALHOST_RUN:-/run/strato-realhost}

command -v say >/dev/null || say() { printf '%s\n' "$*"; }
command -v warn >/dev/null || warn() { printf 'strato: warning: %s\n' "$*" >&2; }
command -v die >/dev/null || die() { printf 'strato: %s\n' "$*" >&2; exit 1; }
command -v as_root >/dev/null || as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi
}

# realhost_works: libvirtd answers on qemu:///system with its QEMU driver
realhost_works() {
  command -v virsh >/dev/null && timeout 20 virsh -c "$REALHOST_URI" version >/dev/null 2>&1
}

# realhost_missing_packages: the packages of REALHOST_PACKAGES not installed, one a line
realhost_missing_packages() {
  local p
  for p in "${REALHOST_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

realhost_install() {
  local missing
  mapfile -t missing < <(realhost_missing_packages)
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "${STRATO_REAL_HOST_INSTALL:-1}" != 0 ] \
    || die "real host: packages missing: ${missing[*]} (STRATO_REAL_HOST_INSTALL=0 forbids installing them)"
  command -v apt-get >/dev/null || die "real host: packages missing: ${missing[*]}; install them (no apt-get here)"
  say "real host: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
           --no-install-recommends "${missing[@]}" >/dev/null; } \
    || die "real host: apt-get install ${missing[*]} failed"
}

# realhost_configure: writes strato's block into qemu.conf (idempotent: the old block is replaced)
realhost_configure() {
  local conf=$REALHOST_QEMU_CONF tmp
  as_root mkdir -p "$(dirname "$conf")"
  tmp=$(mktemp)
  if [ -f "$conf" ]; then
    sed '/^# strato realhost begin/,/^# strato realhost end/d' "$conf" >"$tmp"
  fi
  cat >>"$tmp" <<'CONF'
# strato realhost begin (deploy/local/lib/realhost.sh rewrites this block; edits inside are lost)
# libvirtd without systemd, in a container: QEMU as root, no security labels, no cgroups, no /dev namespace.
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
cgroup_controllers = [ ]
namespaces = [ ]
# strato realhost end
CONF
  if ! cmp -s "$tmp" "$conf" 2>/dev/null; then
    as_root cp "$tmp" "$conf"
    as_root chmod 644 "$conf"
    REALHOST_CONF_CHANGED=1
  fi
  rm -f "$tmp"
}

# realhost_daemon NAME: starts /usr/sbin/NAME daemonized unless it runs; records its pid
realhost_daemon() {
  local name=$1 pid
  if pgrep -x "$name" >/dev/null; then
    return 0
  fi
  as_root mkdir -p "$REALHOST_RUN"
  as_root "/usr/sbin/$name" -d || die "real host: $name -d failed"
  local i
  for i in $(seq 1 40); do
    pid=$(pgrep -xo "$name" || true)
    [ -n "$pid" ] && break
    sleep 0.25
  done
  [ -n "$pid" ] || die "real host: $name did not start"
  echo "$pid" | as_root tee "$REALHOST_RUN/$name.pid" >/dev/null
  say "real host: $name started (pid $pid)"
}

# realhost_up: a libvirtd that runs QEMU guests on qemu:///system, or a clear failure
realhost_up() {
  if realhost_works && [ ! -f "$REALHOST_RUN/libvirtd.pid" ]; then
    say "real host: libvirtd already answers on $REALHOST_URI; using it as it is"
    return 0
  fi
  realhost_install
  REALHOST_CONF_CHANGED=0
  realhost_configure
  if [ "$REALHOST_CONF_CHANGED" = 1 ] && [ -f "$REALHOST_RUN/libvirtd.pid" ]; then
    say "real host: qemu.conf changed; restarting the libvirtd strato started"
    realhost_stop_one libvirtd
  fi
  # the packages without libvirt-daemon-system create none of the daemons' directories, nor the
  # user libvirtd resolves before it reads qemu.conf (it is built to run QEMU as libvirt-qemu)
  as_root mkdir -p /var/log/libvirt/qemu /var/lib/libvirt/qemu /var/cache/libvirt /run/libvirt
  getent group kvm >/dev/null || as_root groupadd --system kvm
  getent passwd libvirt-qemu >/dev/null || as_root useradd --system --user-group --groups kvm \
      --home-dir /var/lib/libvirt --no-create-home --shell /usr/sbin/nologin libvirt-qemu
  realhost_daemon virtlogd
  realhost_daemon libvirtd
  local i
  for i in $(seq 1 60); do
    realhost_works && break
    sleep 0.5
  done
  realhost_works || die "real host: libvirtd does not answer on $REALHOST_URI (virsh -c $REALHOST_URI version)"
  say "real host: $(virsh -c "$REALHOST_URI" version 2>/dev/null | grep -i 'running hypervisor' | sed 's/^ *//')"
  # a libvirtd that has just started may answer before it has probed QEMU: its capabilities fill in shortly
  # (read the whole answer first: with pipefail, grep -q closing the pipe early makes virsh die of SIGPIPE and
  # the check fail at random)
  local caps=""
  for i in $(seq 1 60); do
    caps=$(virsh -c "$REALHOST_URI" capabilities 2>/dev/null || true)
    grep -q "<domain type='qemu'" <<<"$caps" && break
    sleep 0.5
  done
  if ! grep -q "<domain type='qemu'" <<<"$caps"; then
    die "real host: libvirtd offers no qemu (TCG) guests: is qemu-system-x86 installed?"
  fi
}

# realhost_stop_one NAME: stops the NAME strato started (its pid file), nothing else
realhost_stop_one() {
  local name=$1 pidfile=$REALHOST_RUN/$1.pid pid i
  pid=$( [ -f "$pidfile" ] && tr -dc '0-9' <"$pidfile" || true)
  if [ -z "$pid" ] || [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "$name" ]; then
    as_root rm -f "$pidfile"
    return 0
  fi
  as_root kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 40); do
    [ -d "/proc/$pid" ] || break
    sleep 0.25
  done
  [ -d "/proc/$pid" ] && as_root kill -KILL "$pid" 2>/dev/null
  as_root rm -f "$pidfile"
  say "real host: $name stopped (pid $pid)"
}

# realhost_down: stops the daemons realhost_up started (a libvirtd strato did not start is left alone).
# QEMU processes of running guests outlive libvirtd; a later libvirtd finds them again.
realhost_down() {
  realhost_stop_one libvirtd
  realhost_stop_one virtlogd
}

realhost_status() {
  if realhost_works; then
    local who="not started by strato"
    [ -f "$REALHOST_RUN/libvirtd.pid" ] && who="started by strato (pid $(tr -dc '0-9' <"$REALHOST_RUN/libvirtd.pid"))"
    say "libvirtd on $REALHOST_URI: running, $who"
  else
    say "libvirtd on $REALHOST_URI: not answering"
  fi
}
