#!/usr/bin/env bash
# boot-test.sh [dhcp] [configdrive] [vfatdrive] [metadata]: tests the strato-tiny image (docs/test-image.md).
# Builds it (cached in $STRATO_IMAGE_CACHE, default .strato/test-image), then
#   dhcp         runs the image's udhcpc script in a private network namespace with an MTU, classless
#                static routes (169.254.169.254/32 via the server, a default route) and DNS
#   configdrive  boots it under QEMU TCG (virtio disk and NIC, user-mode network, ssh forwarded from a free
#                port of 127.0.0.1) with a config drive (iso9660, label config-2, on an IDE cdrom): a
#                hostname, a fresh ssh key and a #!/bin/sh user_data; logs in as strato and checks the
#                hostname, the user_data marker, the DHCP address, ping/nc/wget/ip/udhcpc/sh, that root
#                cannot log in, that a busybox applet other than ping has no root; then reboots it (same
#                disk) and checks that the host keys stayed; prints the boot-to-SSH seconds
#   vfatdrive    the same with a vfat config drive (label config-2) on a virtio disk, as Nova writes it
#                with config_drive_format=vfat
#   metadata     boots it without a config drive: a metadata service at 169.254.169.254 (QEMU guestfwd
#                to tests/image/md-http.sh) that is down for the first requests; the key comes from the EC2
#                path, the hostname and user_data from the OpenStack paths
# (all four by default). Exits non-zero, printing the guest console, on the first failed check.
# Needs root only to apt-get install what is missing (qemu-system-x86 qemu-utils genisoimage syslinux
# syslinux-common mtools dosfstools cpio openssh-client); the dhcp part needs unshare -n (root).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${STRATO_IMAGE_CACHE:-$REPO/.strato/test-image}
BOOT_TIMEOUT=${STRATO_BOOT_TIMEOUT:-300}
PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(dhcp configdrive vfatdrive metadata)

say() { printf '%s\n' "$*"; }
die() { printf 'boot-test: FAIL: %s\n' "$*" >&2; exit 1; }
. "$REPO/deploy/local/lib/test-image.sh"

WORK=$(mktemp -d /tmp/strato-boot-test.XXXXXX)
QEMU_PID=
CONSOLE=
cleanup() {
  local rc=$?
  if [ -n "$QEMU_PID" ] && kill -0 "$QEMU_PID" 2>/dev/null; then
    kill "$QEMU_PID" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$QEMU_PID" 2>/dev/null || true
    wait "$QEMU_PID" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ] && [ -n "$CONSOLE" ] && [ -f "$CONSOLE" ]; then
    echo "---- guest console ($CONSOLE, last 80 lines) ----" >&2
    tail -n 80 "$CONSOLE" | tr -d '\r' >&2
    echo "---- end of console ----" >&2
  fi
  rm -rf "$WORK"
  [ "$rc" -eq 0 ] && say "boot-test: PASS (${PARTS[*]})" || say "boot-test: FAILED (exit $rc)" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the host tools
need() {
  local missing=() t
  for t in qemu-system-x86_64:qemu-system-x86 qemu-img:qemu-utils genisoimage:genisoimage syslinux:syslinux \
           mcopy:mtools mkfs.fat:dosfstools cpio:cpio ssh:openssh-client ssh-keygen:openssh-client; do
    command -v "${t%%:*}" >/dev/null || missing+=("${t#*:}")
  done
  [ -f /usr/lib/syslinux/mbr/mbr.bin ] || missing+=(syslinux-common)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages: ${missing[*]}"
  say "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# free_port: a TCP port nobody listens on at 127.0.0.1
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    if ! grep -qi ":$(printf '%04X' "$p") " /proc/net/tcp /proc/net/tcp6 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port"
}

SSH_OPTS=(-F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
          -o LogLevel=ERROR -o ConnectTimeout=10 -o IdentitiesOnly=yes -o IdentityAgent=none)
# gssh CMD: runs CMD as strato in the guest
gssh() { ssh "${SSH_OPTS[@]}" -i "$KEY" -p "$PORT" strato@127.0.0.1 "$@"; }

# boot NAME QEMU-ARGS...: starts qemu (background), sets QEMU_PID, CONSOLE, T_START
boot() {
  local name=$1
  shift
  CONSOLE=$WORK/$name.console.log
  [ -f "$CONSOLE" ] && mv "$CONSOLE" "$CONSOLE.previous"
  # a second boot of NAME reuses its disk (a reboot)
  [ -f "$WORK/$name.qcow2" ] || qemu-img create -q -f qcow2 -b "$IMAGE" -F qcow2 "$WORK/$name.qcow2"
  T_START=$(date +%s.%N)
  qemu-system-x86_64 -machine accel=tcg -m 256 -nographic -no-reboot \
    -drive "file=$WORK/$name.qcow2,if=virtio,format=qcow2" "$@" </dev/null >"$CONSOLE" 2>&1 &
  QEMU_PID=$!
  say "$name: qemu pid $QEMU_PID, ssh port $PORT, console $CONSOLE"
}

# wait_ssh NAME: waits until strato can log in; prints and sets BOOT_TO_SSH
wait_ssh() {
  local name=$1 deadline=$((SECONDS + BOOT_TIMEOUT)) now
  while :; do
    kill -0 "$QEMU_PID" 2>/dev/null || die "$name: qemu exited before ssh came up"
    if gssh true 2>/dev/null; then break; fi
    [ $SECONDS -lt $deadline ] || die "$name: no ssh login within ${BOOT_TIMEOUT}s"
    sleep 1
  done
  now=$(date +%s.%N)
  BOOT_TO_SSH=$(awk -v a="$T_START" -v b="$now" 'BEGIN {printf "%.1f", b - a}')
  say "$name: boot-to-SSH ${BOOT_TO_SSH}s"
}

stop_qemu() {
  kill "$QEMU_PID" 2>/dev/null || true
  wait "$QEMU_PID" 2>/dev/null || true
  QEMU_PID=
}

# host_key_fingerprints: the fingerprints the guest printed on the console
host_key_fingerprints() {
  sed -n '/BEGIN SSH HOST KEY FINGERPRINTS/,/END SSH HOST KEY FINGERPRINTS/p' "$CONSOLE" | tr -d '\r' | grep '^SHA256:' | sort
}

# expect WHAT WANT GOT
expect() { [ "$2" = "$3" ] || die "$1: want '$2', got '$3'"; }

# the checks shared by both boots: user, address, tools, root refused, user_data marker
common_checks() {
  local name=$1 host=$2 addr=$3 marker got t
  expect "$name: hostname" "$host" "$(gssh hostname)"
  expect "$name: user" "strato 1000" "$(gssh 'echo $(id -un) $(id -u)')"
  got=$(gssh 'ip -4 addr show dev eth0')
  grep -q "inet $addr/24 " <<<"$got" || die "$name: eth0 has not the DHCP address $addr/24: $got"
  gssh 'cat /run/strato/lease.eth0' | grep -qx "$addr/24" || die "$name: no DHCP lease file for $addr"
  for t in ping nc wget ip udhcpc sh; do
    gssh "command -v $t" >/dev/null || die "$name: $t is missing in the guest"
  done
  marker=
  for _ in $(seq 1 30); do
    marker=$(gssh 'cat /tmp/user-data-marker 2>/dev/null' || true)
    [ -n "$marker" ] && break
    sleep 1
  done
  expect "$name: user_data marker" "user-data ran as uid 0 on $host" "$marker"
  expect "$name: user_data exit status" "0" "$(gssh 'cat /run/strato/user_data.rc')"
  if ssh "${SSH_OPTS[@]}" -i "$KEY" -p "$PORT" root@127.0.0.1 true 2>/dev/null; then
    die "$name: root can log in by ssh"
  fi
  grep -q "STRATO-TINY-READY hostname=$host address=$addr/24 ssh=up" "$CONSOLE" \
    || die "$name: no STRATO-TINY-READY line on the console"
  grep -q "strato-tiny: eth0: DHCP address $addr/24" "$CONSOLE" || die "$name: the console does not show the DHCP address"
}

# ---- dhcp: the udhcpc script with option 26, 121 and DNS, in a private network namespace
part_dhcp() {
  local bb=$WORK/bb out
  mkdir -p "$bb/bin" "$WORK/run"
  dpkg-deb --fsys-tarfile "$(guest_download "$CACHE/debs" busybox-static)" | tar -x -C "$bb" ./bin/busybox
  for a in ip sh grep sed cat echo mkdir rm; do ln -sf busybox "$bb/bin/$a"; done
  out=$(unshare -n env -i PATH="$bb/bin" STRATO_CONSOLE=/dev/stdout STRATO_RUN="$WORK/run" STRATO_RESOLV="$WORK/resolv.conf" \
    interface=lo sh -c '
      S='"$REPO"'/deploy/local/lib/test-image/udhcpc.script
      ip link set lo up
      sh $S deconfig
      ip=10.9.0.5 mask=24 router=10.9.0.1 mtu=1400 dns="10.9.0.2 10.9.0.3" domain=example.test serverid=10.9.0.2 \
        staticroutes="169.254.169.254/32 10.9.0.2 192.168.7.0/24 0.0.0.0 0.0.0.0/0 10.9.0.1" sh $S bound || exit 1
      echo "--addr"; ip -4 addr show dev lo
      echo "--route"; ip -4 route show
      echo "--mtu $(ip link show dev lo | sed -n "s/.* mtu \\([0-9]*\\) .*/\\1/p")"
      # without option 121: the router is the default route
      sh $S deconfig
      ip=10.9.0.6 mask=24 router=10.9.0.1 serverid=10.9.0.2 sh $S bound || exit 1
      echo "--route2"; ip -4 route show
    ' 2>&1) || die "dhcp: the udhcpc script failed: $out"
  say "$out" | sed 's/^/  dhcp| /'
  grep -q 'inet 10.9.0.5/24' <<<"$out" || die "dhcp: no address 10.9.0.5/24"
  grep -q '^169.254.169.254 via 10.9.0.2 dev lo' <<<"$out" || die "dhcp: no route 169.254.169.254 via 10.9.0.2"
  grep -q '^192.168.7.0/24 dev lo' <<<"$out" || die "dhcp: no on-link route 192.168.7.0/24"
  grep -q '^default via 10.9.0.1 dev lo' <<<"$out" || die "dhcp: no default route via 10.9.0.1"
  grep -q -- '--mtu 1400' <<<"$out" || die "dhcp: mtu not 1400"
  expect "dhcp: resolv.conf" "search example.test nameserver 10.9.0.2 nameserver 10.9.0.3" "$(tr '\n' ' ' <"$WORK/resolv.conf" | sed 's/ $//')"
  expect "dhcp: lease file" "10.9.0.6/24" "$(cat "$WORK/run/lease.lo")"
  sed -n '/--route2/,$p' <<<"$out" | grep -q '^default via 10.9.0.1 dev lo' || die "dhcp: no default route from the router option"
  sed -n '/--route2/,$p' <<<"$out" | grep -q '169.254.169.254' && die "dhcp: a deconfig left the old static routes"
  say "dhcp: ok (mtu, classless static routes, on-link route, default route, DNS)"
}

# ---- configdrive
part_configdrive() {
  local cd=$WORK/cd host got fp1
  host=tiny-cd-$RANDOM
  mkdir -p "$cd/openstack/latest" "$WORK/www-cd"
  cat >"$cd/openstack/latest/meta_data.json" <<JSON
{"uuid": "6f1c2a9e-0000-4000-8000-$(printf '%012d' $RANDOM)", "name": "$host",
 "meta": {"hostname": "decoy-nested-hostname"},
 "public_keys": {"testkey": "$(cat "$KEY.pub")\n"},
 "keys": [{"name": "testkey", "type": "ssh", "data": "$(cat "$KEY.pub")\n"}],
 "hostname": "$host.novalocal", "launch_index": 0, "availability_zone": "nova", "devices": []}
JSON
  printf '#!/bin/sh\necho "user-data ran as uid $(id -u) on $(hostname)" >/tmp/user-data-marker\n' >"$cd/openstack/latest/user_data"
  genisoimage -quiet -o "$WORK/config.iso" -V config-2 -r -J "$cd" || die "genisoimage failed"
  echo "hello from the host $RANDOM" >"$WORK/www-cd/hello.txt"
  local args=(-drive "file=$WORK/config.iso,media=cdrom,if=ide,format=raw,readonly=on"
    -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$PORT-:22,guestfwd=tcp:10.0.2.100:80-cmd:$HERE/md-http.sh $WORK/www-cd"
    -device "virtio-net-pci,netdev=n0")
  boot configdrive "${args[@]}"
  wait_ssh configdrive
  CD_BOOT=$BOOT_TO_SSH
  common_checks configdrive "$host" 10.0.2.15
  grep -q 'strato-tiny: instance data: config drive /dev/sr0' "$CONSOLE" || die "configdrive: the data did not come from the config drive"
  expect "configdrive: authorized_keys" "$(cat "$KEY.pub")" "$(gssh 'cat ~/.ssh/authorized_keys')"
  expect "configdrive: wget" "$(cat "$WORK/www-cd/hello.txt")" "$(gssh 'wget -q -O - http://10.0.2.100/hello.txt')"
  got=$(gssh 'printf "GET /hello.txt HTTP/1.0\r\n\r\n" | nc 10.0.2.100 80' | tr -d '\r')
  grep -qx "$(cat "$WORK/www-cd/hello.txt")" <<<"$got" || die "configdrive: nc got no answer: $got"
  gssh 'ping -c 1 -W 5 10.0.2.2' >/dev/null || die "configdrive: ping 10.0.2.2 failed"
  # busybox is set-uid root for ping: any other applet must drop the privileges
  if gssh 'cat /etc/shadow' >/dev/null 2>&1; then die "configdrive: strato can read /etc/shadow"; fi
  if gssh 'mount -t tmpfs none /mnt' >/dev/null 2>&1; then die "configdrive: strato can mount"; fi
  expect "configdrive: a command's output (busybox.conf must parse)" "$host" "$(gssh 'cat /etc/hostname' 2>&1)"
  expect "configdrive: uid of a busybox applet" "1000 1000" "$(gssh 'id -u; id -ru' | tr '\n' ' ' | sed 's/ $//')"
  # a reboot (same disk, same instance): the same host keys, from the boot partition
  fp1=$(host_key_fingerprints)
  [ -n "$fp1" ] || die "configdrive: no host key fingerprints on the console"
  stop_qemu
  boot configdrive "${args[@]}"
  wait_ssh configdrive-reboot
  expect "configdrive: host keys after a reboot" "$fp1" "$(host_key_fingerprints)"
  expect "configdrive: hostname after a reboot" "$host" "$(gssh hostname)"
  stop_qemu
  say "configdrive: ok (boot-to-SSH ${CD_BOOT}s; after a reboot ${BOOT_TO_SSH}s, same host keys)"
}

# ---- vfatdrive: the config drive as Nova writes it with config_drive_format=vfat, on a virtio disk
part_vfatdrive() {
  local cd=$WORK/vfat host
  host=tiny-vfat-$RANDOM
  mkdir -p "$cd/openstack/latest"
  cat >"$cd/openstack/latest/meta_data.json" <<JSON
{"uuid": "8c3d4e5f-0000-4000-8000-$(printf '%012d' $RANDOM)", "hostname": "$host",
 "public_keys": {"testkey": "$(cat "$KEY.pub")"}}
JSON
  printf '#!/bin/sh\necho "user-data ran as uid $(id -u) on $(hostname)" >/tmp/user-data-marker\n' >"$cd/openstack/latest/user_data"
  rm -f "$WORK/config.vfat"
  mkfs.fat -C -n config-2 "$WORK/config.vfat" 2048 >/dev/null 2>&1 || die "mkfs.fat failed"
  MTOOLS_SKIP_CHECK=1 mcopy -s -i "$WORK/config.vfat" "$cd/openstack" ::/ || die "mcopy failed"
  boot vfatdrive -drive "file=$WORK/config.vfat,if=virtio,format=raw,readonly=on" \
    -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$PORT-:22" -device virtio-net-pci,netdev=n0
  wait_ssh vfatdrive
  VFAT_BOOT=$BOOT_TO_SSH
  common_checks vfatdrive "$host" 10.0.2.15
  grep -q 'strato-tiny: instance data: config drive /dev/vdb' "$CONSOLE" || die "vfatdrive: the data did not come from the vfat config drive"
  stop_qemu
  say "vfatdrive: ok (boot-to-SSH ${VFAT_BOOT}s)"
}

# ---- metadata
part_metadata() {
  local md=$WORK/md host
  host=tiny-md-$RANDOM
  mkdir -p "$md/openstack/latest" "$md/latest/meta-data/public-keys/0"
  ssh-keygen -q -t ed25519 -N '' -C other -f "$WORK/otherkey"
  cat >"$md/openstack/latest/meta_data.json" <<JSON
{"uuid": "7a2b3c4d-0000-4000-8000-$(printf '%012d' $RANDOM)", "name": "$host",
 "public_keys": {"other": "$(cat "$WORK/otherkey.pub")"}, "launch_index": 0}
JSON
  printf '#!/bin/sh\necho "user-data ran as uid $(id -u) on $(hostname)" >/tmp/user-data-marker\n' >"$md/openstack/latest/user_data"
  cat "$KEY.pub" >"$md/latest/meta-data/public-keys/0/openssh-key"
  echo "$host.example" >"$md/latest/meta-data/hostname"
  touch "$md/.down"
  boot metadata \
    -netdev "user,id=n0,net=169.254.169.0/24,host=169.254.169.2,dhcpstart=169.254.169.15,hostfwd=tcp:127.0.0.1:$PORT-:22,guestfwd=tcp:169.254.169.254:80-cmd:$HERE/md-http.sh $md" \
    -device virtio-net-pci,netdev=n0
  # the service comes up once the guest has tried (and failed) a few times
  for _ in $(seq 1 "$BOOT_TIMEOUT"); do
    [ "$(grep -c . "$md/.requests" 2>/dev/null || echo 0)" -ge 3 ] && break
    kill -0 "$QEMU_PID" 2>/dev/null || die "metadata: qemu exited"
    sleep 1
  done
  grep -q 'metadata service not reachable yet' "$CONSOLE" || die "metadata: the guest did not report the unreachable service"
  rm -f "$md/.down"
  say "metadata: the service is up after $(grep -c . "$md/.requests") refused requests"
  wait_ssh metadata
  MD_BOOT=$BOOT_TO_SSH
  common_checks metadata "$host" 169.254.169.15
  grep -q 'strato-tiny: instance data: metadata service (openstack)' "$CONSOLE" || die "metadata: the data did not come from the metadata service"
  gssh 'cat ~/.ssh/authorized_keys' | grep -qxF "$(cat "$WORK/otherkey.pub")" || die "metadata: the meta_data.json key is not installed"
  gssh 'cat ~/.ssh/authorized_keys' | grep -qxF "$(cat "$KEY.pub")" || die "metadata: the EC2 key is not installed"
  for p in /openstack/latest/meta_data.json /openstack/latest/user_data /latest/meta-data/public-keys/0/openssh-key; do
    grep -q "^GET $p\$" "$md/.requests" || die "metadata: the guest never asked for $p"
  done
  stop_qemu
  say "metadata: ok (boot-to-SSH ${MD_BOOT}s, including the wait for the service)"
}

need
IMAGE=$(test_image "$CACHE")
[ -s "$IMAGE" ] || die "no image"
SIZE_KB=$(du -k "$IMAGE" | cut -f1)
VSIZE=$(qemu-img info "$IMAGE" | sed -n 's/^virtual size: //p')
say "image: $IMAGE, ${SIZE_KB} KiB on disk, virtual size $VSIZE"
[ "$SIZE_KB" -lt 40960 ] || die "the image is ${SIZE_KB} KiB, over 40 MiB"
KEY=$WORK/key
ssh-keygen -q -t ed25519 -N '' -C boot-test -f "$KEY"
PORT=$(free_port)
CD_BOOT=- VFAT_BOOT=- MD_BOOT=-
for part in "${PARTS[@]}"; do
  case "$part" in
    dhcp|configdrive|vfatdrive|metadata) "part_$part" ;;
    *) die "unknown part $part (dhcp, configdrive, vfatdrive, metadata)" ;;
  esac
done
say "boot-test: image ${SIZE_KB} KiB; boot-to-SSH: config drive ${CD_BOOT}s, vfat config drive ${VFAT_BOOT}s, metadata service ${MD_BOOT}s (with its deliberate outage)"
