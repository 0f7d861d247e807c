#!/usr/bin/env bash
# Image upload and download through the gateway, beside a plain `cat` of the same file, with the peak
# resident memory of image-service and the gateway. Starts nothing: run it against a local cloud.
#
#   deploy/local/strato up && eval "$(deploy/local/strato env)"
#   image-service/bench/upload-download.sh [SIZE_MIB]        # default 4096 (4 GiB)
#
# The test file is random bytes from /dev/urandom (written in 16 MiB blocks, not sparse), made in
# $BENCH_DIR (default /tmp) and deleted at the end, as is the image. Needs SIZE_MIB free twice over
# (the file and the image store). Pid files come from $STRATO_STATE (default <repo>/.strato).
set -euo pipefail

size_mib=${1:-4096}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
STATE=${STRATO_STATE:-$REPO/.strato}
GATEWAY=${BENCH_GATEWAY:-http://127.0.0.1:8080}
dir=${BENCH_DIR:-/tmp}

die() { echo "upload-download: $*" >&2; exit 1; }
[ -n "${OS_AUTH_URL:-}" ] || die 'no OS_AUTH_URL: eval "$(deploy/local/strato env)" first'
for tool in openstack curl md5sum; do command -v "$tool" >/dev/null || die "$tool is missing"; done

pid_of() {
  local pid
  pid=$(cat "$STATE/$1.pid" 2>/dev/null) || die "no $STATE/$1.pid: is the cloud up (deploy/local/strato status)?"
  [ -r "/proc/$pid/status" ] || die "$1 (pid $pid) is not running"
  echo "$pid"
}
image_pid=$(pid_of image-service)
gateway_pid=$(pid_of gateway)

# kB of a /proc/PID/status field (VmRSS: now, VmHWM: peak since the process started)
mem_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
mib() { echo $(( ($1 + 1023) / 1024 )); }

# writes the highest VmRSS of image-service and of the gateway to $samples every 0.2 s until killed
sample_rss() {
  local image_max=0 gateway_max=0 r
  while :; do
    r=$(mem_kb "$image_pid" VmRSS); [ "$r" -gt "$image_max" ] && image_max=$r
    r=$(mem_kb "$gateway_pid" VmRSS); [ "$r" -gt "$gateway_max" ] && gateway_max=$r
    echo "$image_max $gateway_max" >"$samples.new" && mv "$samples.new" "$samples"
    sleep 0.2
  done
}
# runs COMMAND... with the sampler on; sets $max_image $max_gateway (kB) and $took (seconds)
measured() {
  sample_rss & sampler=$!
  took=$(seconds "$@")
  sleep 0.3
  kill "$sampler"; wait "$sampler" 2>/dev/null || true; sampler=""
  read -r max_image max_gateway <"$samples"
}

free_kb=$(df -Pk "$dir" | awk 'NR == 2 { print $4 }')
[ "$free_kb" -gt $(( size_mib * 1024 * 2 + 1048576 )) ] || die "$dir has $(mib "$free_kb") MiB free; needs $((size_mib * 2 + 1024))"

file=$(mktemp "$dir/strato-bench-XXXXXX.img")
samples=$(mktemp)
token=$(openstack token issue -f value -c id)
image_id=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null
  [ -n "$image_id" ] && curl -s -o /dev/null -X DELETE -H "X-Auth-Token: $token" "$GATEWAY/image/v2/images/$image_id"
  rm -f "$file" "$samples" "$samples.new"
}
trap cleanup EXIT

echo "writing $size_mib MiB of /dev/urandom to $file"
dd if=/dev/urandom of="$file" bs=16M count=$(( size_mib / 16 )) iflag=fullblock status=none
bytes=$(stat -c %s "$file")

# seconds (3 decimals) COMMAND... takes
seconds() {
  local t0 t1
  t0=$(date +%s%N)
  "$@"
  t1=$(date +%s%N)
  echo "$t0 $t1" | awk '{ printf "%.3f", ($2 - $1) / 1e9 }'
}
rate() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.0f", b / 1048576 / s }'; }

rss_before_image=$(mem_kb "$image_pid" VmRSS) rss_before_gateway=$(mem_kb "$gateway_pid" VmRSS)

cat_s=$(seconds sh -c 'cat "$0" >/dev/null' "$file")

image_id=$(curl -sS -f -X POST -H "X-Auth-Token: $token" -H "Content-Type: application/json" \
  -d '{"name":"strato-bench","disk_format":"raw","container_format":"bare"}' "$GATEWAY/image/v2/images" \
  | sed -n 's/.*"id" *: *"\([0-9a-f-]\{36\}\)".*/\1/p')
[ -n "$image_id" ] || die "image create through $GATEWAY failed"

put() {
  local code
  code=$(curl -sS -o /dev/null -w '%{http_code}' -T "$file" -H "X-Auth-Token: $token" \
    -H "Content-Type: application/octet-stream" "$GATEWAY/image/v2/images/$image_id/file")
  [ "$code" = 204 ] || die "upload answered HTTP $code"
}
get() {
  local code
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $token" "$GATEWAY/image/v2/images/$image_id/file")
  [ "$code" = 200 ] || die "download answered HTTP $code"
}
measured put; up_s=$took up_rss_image=$max_image up_rss_gateway=$max_gateway
measured get; down_s=$took rss_image=$max_image rss_gateway=$max_gateway
hwm_image=$(mem_kb "$image_pid" VmHWM) hwm_gateway=$(mem_kb "$gateway_pid" VmHWM)

checksum=$(curl -sS -H "X-Auth-Token: $token" "$GATEWAY/image/v2/images/$image_id" \
  | sed -n 's/.*"checksum" *: *"\([0-9a-f]\{32\}\)".*/\1/p')
local_md5=$(md5sum "$file" | cut -d' ' -f1)
[ "$checksum" = "$local_md5" ] || die "stored checksum $checksum differs from the file's md5 $local_md5"

cat <<TABLE

$bytes bytes ($size_mib MiB), image $image_id, checksum $checksum verified
$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)

| step | seconds | MiB/s |
|---|---|---|
| cat file > /dev/null | $cat_s | $(rate "$cat_s") |
| upload (curl -T, gateway) | $up_s | $(rate "$up_s") |
| download (curl > /dev/null, gateway) | $down_s | $(rate "$down_s") |

| process | RSS before MiB | max RSS during upload MiB | max RSS during download MiB | VmHWM after MiB |
|---|---|---|---|---|
| image-service (pid $image_pid) | $(mib "$rss_before_image") | $(mib "$up_rss_image") | $(mib "$rss_image") | $(mib "$hwm_image") |
| gateway (pid $gateway_pid) | $(mib "$rss_before_gateway") | $(mib "$up_rss_gateway") | $(mib "$rss_gateway") | $(mib "$hwm_gateway") |
TABLE
