#!/usr/bin/env bash
# Run OpenStack Tempest against the running Strato cloud (issue 15).
#
#   tests/tempest/run.sh                          the interop guideline's required tests (2020.06)
#   tests/tempest/run.sh --only 'api\.volume\.'   the same list, only the ids matching a regex
#   tests/tempest/run.sh --list FILE              another list of test ids, one a line
#   tests/tempest/run.sh --regex 'tempest\.api\.image'   every Tempest test matching a regex
#
# Other options:
#   --concurrency N     Tempest workers (default 2: others use the same cloud)
#   --image NAME        the image servers boot from (default strato-tiny)
#   --image-alt NAME    the second image (default: a copy of the first, made for the run)
#   --conf-extra FILE   an ini file merged over the generated tempest.conf
#   --workdir DIR       where the workspace and results go (default a new temp dir)
#   --keep              no cleanup: leave the flavors, the image copy and whatever Tempest left behind
#   --validation MODE   SSH into guests ([validation] run_validation): auto (default), on or off
#       off   Tempest's validation tests skip.
#       auto  a first pass without validation; then the tests it skipped because validation was off run
#             again with it on, when the cloud has a QEMU/KVM hypervisor up and an external network:
#             their servers boot from copies of the images with hypervisor_type set (Nova's
#             ImagePropertiesFilter puts them on the real host; the simulated hosts run no guest), and
#             Tempest logs in through a floating IP. The counts merge both passes.
#       on    one pass, validation on for every test (every server on the real host: slow under TCG).
#
# Credentials: the OS_* variables (eval "$(deploy/local/strato env)"), or OS_CLOUD with a clouds.yaml;
# with neither, this checkout's .strato/clouds.yaml (cloud "strato").
#
# It writes tempest.conf from the cloud's catalog and version documents, makes what Tempest needs when
# absent (flavors m1.nano and m1.micro, a second image), runs Tempest in a workspace under the temp dir,
# deletes what it made and what Tempest left behind (only projects and users named tempest-* that appeared
# during the run), and prints per-service counts, then "N passed, M failed, K skipped" as the last line.
# The exit code is 1 when a test failed. The workdir keeps tempest.conf (with the admin password), the
# logs, results.tsv (one line a test) and failures.txt (each failure's traceback).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
py=${PYTHON:-/usr/bin/python3}      # Debian's python3: tempest, openstacksdk and subunit are its packages
helper="$here/strato_tempest.py"

list="$repo/../shared/tempest/interop-2020.06-required.txt"
regex="" only="" concurrency=2 workdir="" keep=0 validation=auto

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --list) list=$2; shift 2 ;;
    --regex) regex=$2; list=""; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --image) export TEMPEST_IMAGE=$2; shift 2 ;;
    --image-alt) export TEMPEST_IMAGE_ALT=$2; shift 2 ;;
    --conf-extra) export TEMPEST_CONF_EXTRA=$(realpath "$2"); shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --validation) validation=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown option $1" >&2; usage ;;
  esac
done

case "$validation" in auto|on|off) ;; *) echo "run.sh: --validation auto|on|off, not $validation" >&2; exit 2 ;; esac
command -v tempest >/dev/null || { echo "run.sh: tempest is missing: apt-get install -y tempest" >&2; exit 2; }
if [ -z "${OS_AUTH_URL:-}" ] && [ -z "${OS_CLOUD:-}" ]; then
  if [ -f "$repo/.strato/clouds.yaml" ]; then
    export OS_CLIENT_CONFIG_FILE="$repo/.strato/clouds.yaml" OS_CLOUD=strato
  else
    echo "run.sh: no credentials: eval \"\$(deploy/local/strato env)\" first" >&2; exit 2
  fi
fi

workdir=${workdir:-$(mktemp -d "${TMPDIR:-/tmp}/strato-tempest.XXXXXX")}
mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd)
ws="$workdir/workspace"
echo "run.sh: workspace $ws" >&2

# A workspace of its own, registered in a workspace file of its own (not ~/.tempest).
# From inside the workdir: the tempest CLI writes a tempest.log in its current directory.
(cd "$workdir" && tempest init --workspace-path "$workdir/workspaces.yaml" --name "strato-$$" "$ws" >/dev/null)

cleaned=0
cleanup() {
  [ "$cleaned" = 1 ] && return; cleaned=1
  if [ "$keep" = 1 ]; then echo "run.sh: --keep: nothing deleted" >&2; return; fi
  [ -f "$workdir/state.json" ] && "$py" "$helper" cleanup "$workdir" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$py" "$helper" prepare "$workdir" "$ws/etc/tempest.conf"
if [ "$validation" = on ]; then
  "$py" "$helper" validation "$workdir" "$ws/etc/tempest.conf" "$ws/etc/tempest.conf" \
    || { echo "run.sh: --validation on, but this cloud cannot run validation tests (see above)" >&2; exit 2; }
fi

# anchored regexes from a list of test ids (Tempest matches each line as a regex, so a bare id would also
# select every test whose name it prefixes)
include_list() {
  # a line ending in "." is a class: every test in it
  "$py" -c 'import re,sys; [print("^" + re.escape(l.strip()) + ("" if l.strip().endswith(".") else r"(\[|$)"))
    for l in open(sys.argv[1]) if l.strip()]' "$1" > "$2"
}

# The selection: a list becomes anchored regexes.
selection=()
ids=""
if [ -n "$list" ]; then
  ids="$workdir/selected.txt"
  grep -v -e '^#' -e '^[[:space:]]*$' "$list" | grep -E -e "${only:-.}" > "$ids" || true
  [ -s "$ids" ] || { echo "run.sh: nothing selected from $list${only:+ with $only}" >&2; exit 2; }
  include_list "$ids" "$workdir/include.txt"
  selection=(--include-list "$workdir/include.txt")
  echo "run.sh: $(wc -l < "$ids") tests from $list${only:+ matching $only}" >&2
else
  selection=(--regex "$regex")
fi

rc=0
(cd "$ws" && tempest run --concurrency "$concurrency" "${selection[@]}") > "$workdir/tempest-run.log" 2>&1 || rc=$?
tail -n 5 "$workdir/tempest-run.log" >&2

(cd "$ws" && stestr last --subunit) > "$workdir/pass1.subunit"
streams=("$workdir/pass1.subunit")

# auto: the tests skipped because validation was off, again with validation on
if [ "$validation" = auto ]; then
  "$py" "$helper" report "$workdir" ${ids:+"$ids"} < "$workdir/pass1.subunit" > /dev/null || true
  "$py" "$helper" validation-skips "$workdir/results.tsv" > "$workdir/validation-ids.txt"
  if [ -s "$workdir/validation-ids.txt" ]; then
    cp "$ws/etc/tempest.conf" "$workdir/tempest-pass1.conf"
    if "$py" "$helper" validation "$workdir" "$workdir/tempest-pass1.conf" "$ws/etc/tempest.conf"; then
      echo "run.sh: validation pass: $(wc -l < "$workdir/validation-ids.txt") tests skipped for want of validation" >&2
      include_list "$workdir/validation-ids.txt" "$workdir/include-validation.txt"
      (cd "$ws" && tempest run --concurrency "$concurrency" --include-list "$workdir/include-validation.txt") \
        > "$workdir/tempest-run-validation.log" 2>&1 || rc=$((rc == 0 ? $? : rc))
      tail -n 5 "$workdir/tempest-run-validation.log" >&2
      (cd "$ws" && stestr last --subunit) > "$workdir/pass2.subunit"
      streams+=("$workdir/pass2.subunit")
    fi
  fi
fi

report_rc=0
cat "${streams[@]}" | "$py" "$helper" report "$workdir" ${ids:+"$ids"} > "$workdir/summary.txt" || report_rc=$?
cleanup
echo "run.sh: results in $workdir (summary.txt, results.tsv, failures.txt, tempest-run.log, workspace/tempest.log)" >&2
cat "$workdir/summary.txt"
if [ "$report_rc" = 0 ] && [ "$rc" != 0 ]; then
  echo "run.sh: tempest run exited $rc with no failed test (see tempest-run.log)" >&2
fi
[ "$report_rc" = 0 ] && [ "$rc" = 0 ]
