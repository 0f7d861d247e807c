#!/usr/bin/env bash
# A real Linux guest boots through the whole cloud, driven by the unmodified openstack client:
#   image-service: a kernel (aki), a ramdisk (ari) and a disk image whose kernel_id / ramdisk_id / os_command_line
#                  properties point at them (Nova's libvirt driver boots such an image directly)
#   network-service: a network and subnet for the server's port
#   compute-service: server create in availability zone "real" -> ACTIVE on host strato-real-1, the agent that
#                  drives the real libvirtd (qemu:///system, software emulation)
#   the guest: Debian's cloud kernel and a busybox initramfs (deploy/local/lib/guest-assets.sh) whose /init prints
#                  "STRATO-GUEST-BOOTED marker=<strato.marker= of the kernel command line> ..." on its serial port
#   openstack console log show: must show that line, with this run's marker, within REAL_BOOT_TIMEOUT seconds.
#   then a volume hot-plug into the running guest (REAL_BOOT_VOLUME=0 skips it): a 1 GB volume of a type whose
#                  QoS sets IOPS limits, openstack server add volume -> in-use, the live domain (virsh dumpxml on
#                  the real libvirtd) has the disk with its serial and <iotune>; server remove volume -> available
#                  and the disk is gone from the live domain.
# Everything it made is deleted at the end, pass or fail. Exit 0 when the marker was seen, 1 otherwise.
#
# Needs a cloud started with the real host:
#   STRATO_REAL_HOST=1 deploy/local/strato up
#   eval "$(deploy/local/strato env)"; deploy/local/real-boot-test.sh
# Environment: REAL_BOOT_ZONE (real), REAL_BOOT_HOST (strato-real-1), REAL_BOOT_TIMEOUT (180 s for the marker),
#   REAL_BOOT_ACTIVE_TIMEOUT (180 s for ACTIVE), STRATO_STATE (where the guest files are cached: <repo>/.strato/guest).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
STATE=${STRATO_STATE:-$REPO/.strato}
ZONE=${REAL_BOOT_ZONE:-real}
HOST=${REAL_BOOT_HOST:-strato-real-1}
TIMEOUT=${REAL_BOOT_TIMEOUT:-180}
ACTIVE_TIMEOUT=${REAL_BOOT_ACTIVE_TIMEOUT:-180}
RUN=$(date +%s)-$RANDOM
MARKER=realboot-$RUN
WORK=$(mktemp -d)

say()  { printf 'real-boot: %s\n' "$*"; }
fail() {
  printf 'real-boot: FAIL: %s\n' "$*" >&2
  printf 'real boot: 0 passed, 1 failed\n'
  exit 1
}
os() { openstack "$@" 2>>"$WORK/openstack.err"; }
# os_id ARGS...: the id an openstack create prints; on failure nothing, and why in $WORK/last.err
os_id() {
  local id
  id=$(openstack "$@" -f value -c id 2>"$WORK/last.err") && [ -n "$id" ] && { echo "$id"; return 0; }
  { echo "openstack $*:"; tail -3 "$WORK/last.err"; } >"$WORK/why" 2>/dev/null
  return 1
}
why() { tr '\n' ' ' <"$WORK/why"; }

SERVER="" KERNEL="" RAMDISK="" DISK="" NET="" FLAVOR_MADE="" VOLUME="" VTYPE="" QOS=""
cleanup() {
  local rc=$?
  [ -n "$SERVER" ] && { os server delete --wait "$SERVER" >/dev/null || say "could not delete server $SERVER"; }
  if [ -n "$VOLUME" ]; then
    for _ in $(seq 1 30); do os volume delete "$VOLUME" >/dev/null && break; sleep 2; done
  fi
  [ -n "$VTYPE" ] && { os volume qos disassociate --volume-type "$VTYPE" "$QOS" >/dev/null; os volume type delete "$VTYPE" || say "could not delete volume type $VTYPE"; }
  [ -n "$QOS" ] && { os volume qos delete "$QOS" || say "could not delete QoS $QOS"; }
  [ -n "$DISK" ] && { os image delete "$DISK" || say "could not delete image $DISK"; }
  [ -n "$RAMDISK" ] && { os image delete "$RAMDISK" || say "could not delete image $RAMDISK"; }
  [ -n "$KERNEL" ] && { os image delete "$KERNEL" || say "could not delete image $KERNEL"; }
  [ -n "$NET" ] && { os network delete "$NET" || say "could not delete network $NET"; }
  [ -n "$FLAVOR_MADE" ] && { os flavor delete "$FLAVOR_MADE" || say "could not delete flavor $FLAVOR_MADE"; }
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

command -v openstack >/dev/null || fail "no openstack client (apt-get install python3-openstackclient)"
[ -n "${OS_AUTH_URL:-}" ] || fail "no OS_AUTH_URL: run eval \"\$(deploy/local/strato env)\" first"

say "guest files (cached in $STATE/guest)"
. "$REPO/deploy/local/lib/guest-assets.sh"
GUEST=$( (guest_assets "$STATE/guest") ) || fail "could not make the guest's kernel, initramfs and disk"

state=$(os compute service list --service nova-compute --host "$HOST" -f value -c State)
[ "$state" = up ] || fail "compute host $HOST is not up (state '${state:-none}'): start the cloud with STRATO_REAL_HOST=1 deploy/local/strato up"
zone=$(os compute service list --service nova-compute --host "$HOST" -f value -c Zone)
[ "$zone" = "$ZONE" ] || fail "compute host $HOST is in zone '$zone', not '$ZONE'"

say "images: kernel (aki), ramdisk (ari), disk (qcow2) with kernel_id, ramdisk_id, os_command_line"
KERNEL=$(os_id image create --disk-format aki --container-format aki --file "$GUEST/vmlinuz" "realboot-kernel-$RUN") \
  || fail "kernel image: $(why)"
RAMDISK=$(os_id image create --disk-format ari --container-format ari --file "$GUEST/initramfs.gz" "realboot-ramdisk-$RUN") \
  || fail "ramdisk image: $(why)"
DISK=$(os_id image create --disk-format qcow2 --container-format bare --file "$GUEST/disk.qcow2" \
  --property kernel_id="$KERNEL" --property ramdisk_id="$RAMDISK" \
  --property os_command_line="console=ttyS0 strato.marker=$MARKER" "realboot-disk-$RUN") || fail "disk image: $(why)"

say "network realboot-net-$RUN with a subnet"
NET=$(os_id network create "realboot-net-$RUN") || fail "network: $(why)"
os_id subnet create --network "$NET" --subnet-range 10.250.0.0/24 "realboot-subnet-$RUN" >/dev/null || fail "subnet: $(why)"

FLAVOR=m1.tiny
if ! os flavor show "$FLAVOR" >/dev/null; then
  FLAVOR=realboot-$RUN
  os_id flavor create --ram 512 --vcpus 1 --disk 1 "$FLAVOR" >/dev/null || fail "flavor: $(why)"
  FLAVOR_MADE=$FLAVOR
fi

say "server create --availability-zone $ZONE --flavor $FLAVOR"
t0=$SECONDS
SERVER=$(os_id server create --flavor "$FLAVOR" --image "$DISK" --network "$NET" --availability-zone "$ZONE" \
  "realboot-$RUN") || fail "server create: $(why)"
status=""
while [ $((SECONDS - t0)) -lt "$ACTIVE_TIMEOUT" ]; do
  status=$(os server show "$SERVER" -f value -c status)
  [ "$status" = ACTIVE ] || [ "$status" = ERROR ] && break
  sleep 2
done
if [ "$status" != ACTIVE ]; then
  fault=$(os server show "$SERVER" -f value -c fault)
  fail "server $SERVER is ${status:-unknown} after $((SECONDS - t0)) s, not ACTIVE${fault:+ (fault: $fault)}"
fi
t_active=$((SECONDS - t0))
host=$(os server show "$SERVER" -f value -c OS-EXT-SRV-ATTR:host)
[ "$host" = "$HOST" ] || fail "server $SERVER landed on host '$host', not $HOST"
say "ACTIVE on $host after ${t_active}s; waiting for the guest's marker line on its console"

line=""
log=""
while [ $((SECONDS - t0)) -lt $((t_active + TIMEOUT)) ]; do
  log=$(os console log show "$SERVER") || log=""
  line=$(printf '%s\n' "$log" | grep -a -m1 "$GUEST_MARKER marker=$MARKER" || true)
  [ -n "$line" ] && break
  sleep 3
done
if [ -z "$line" ]; then
  printf '%s\n' "---- last 30 console lines of $SERVER:" >&2
  printf '%s\n' "$log" | tail -n 30 >&2
  fail "no '$GUEST_MARKER marker=$MARKER' on the console ${TIMEOUT}s after ACTIVE"
fi
say "console: $(printf '%s' "$line" | tr -d '\r')"
t_marker=$((SECONDS - t0))

# wait_volume STATUS SECONDS: until the volume shows STATUS
wait_volume() {
  local want=$1 limit=$2 t=$SECONDS st=""
  while [ $((SECONDS - t)) -lt "$limit" ]; do
    st=$(os volume show "$VOLUME" -f value -c status)
    [ "$st" = "$want" ] && return 0
    case "$st" in error*) break ;; esac
    sleep 2
  done
  fail "volume $VOLUME is '${st:-unknown}', not $want, after $((SECONDS - t)) s"
}
# live_disk: the <disk> of the volume in the running domain's XML on the real libvirtd (by its serial)
live_disk() {
  virsh -c "${STRATO_REAL_LIBVIRT:-qemu:///system}" dumpxml "instance-$SERVER" 2>/dev/null | awk -v s="$VOLUME" '/<disk /{d=""} {d=d $0 "\n"} /<\/disk>/{ if (index(d, "<serial>" s "</serial>")) printf "%s", d }'
}
if [ "${REAL_BOOT_VOLUME:-1}" != 0 ]; then
  say "volume hot-plug: a 1 GB volume with a QoS of 500 read / 400 write IOPS into the running guest"
  QOS=$(os_id volume qos create --property read_iops_sec=500 --property write_iops_sec=400 "realboot-qos-$RUN") \
    || fail "QoS: $(why)"
  VTYPE=$(os_id volume type create "realboot-type-$RUN") || fail "volume type: $(why)"
  os volume qos associate "$QOS" "$VTYPE" || fail "QoS associate"
  VOLUME=$(os_id volume create --size 1 --type "$VTYPE" "realboot-vol-$RUN") || fail "volume: $(why)"
  wait_volume available 60
  os server add volume "$SERVER" "$VOLUME" >/dev/null || fail "server add volume: $(tail -3 "$WORK/openstack.err" | tr '\n' ' ')"
  wait_volume in-use 60
  disk=$(live_disk)
  printf '%s' "$disk" | grep -q "<read_iops_sec>500</read_iops_sec>" \
    && printf '%s' "$disk" | grep -q "<write_iops_sec>400</write_iops_sec>" \
    || fail "the running domain has no disk with serial $VOLUME and the QoS as iotune: $(printf '%s' "$disk" | tr -s ' \n' ' ')"
  say "in-use; the live domain has it: $(printf '%s' "$disk" | grep -o "<target [^>]*>" | head -1) with iotune read 500 / write 400 IOPS"
  os server remove volume "$SERVER" "$VOLUME" >/dev/null || fail "server remove volume: $(tail -3 "$WORK/openstack.err" | tr '\n' ' ')"
  wait_volume available 90
  [ -z "$(live_disk)" ] || fail "volume $VOLUME is available but its disk is still in the running domain"
  say "detached: available again, the disk is gone from the live domain"
fi

say "PASS: ACTIVE after ${t_active}s, marker after ${t_marker}s from server create"
printf 'real boot: 1 passed, 0 failed\n'
