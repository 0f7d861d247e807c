# Helpers shared by deploy/local/strato. Sourced, not executed.

say()  { printf '%s\n' "$*"; }
step() { printf '==> %s\n' "$*"; }
warn() { printf 'strato: warning: %s\n' "$*" >&2; }
die()  { printf 'strato: %s\n' "$*" >&2; exit 1; }

# port_open PORT: something accepts TCP connections on 127.0.0.1:PORT
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# pid_alive PID MARKER: PID is running and its command line contains MARKER
# (guards against a stale pid file whose number was reused by another process).
pid_alive() {
  local pid=$1 marker=$2
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

# child_alive PID: PID, a child this shell started and has not waited for, is still running (not a zombie). Unlike
# pid_alive it needs no marker: until its exec the child's command line is the launcher's own, and under load that
# window (close_inherited_fds, nohup, setsid) is long enough for a marker check to call a starting service dead; and
# an exited child stays a zombie, holding its pid, until it is waited for, so the pid cannot be someone else's
child_alive() {
  local state
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] || return 1
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# read_pid FILE: the pid stored in FILE, or nothing
read_pid() {
  [ -f "$1" ] && tr -dc '0-9' <"$1" || true
}

# listener_pid PORT: pid of the process listening on 127.0.0.1:PORT, if visible
listener_pid() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true
}

# rss_mb PID: resident set size in MB
rss_mb() {
  local kb
  kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)
  echo $(( ${kb:-0} / 1024 ))
}

# stop_pid NAME PIDFILE MARKER: TERM, wait up to 30 s, then KILL; removes the pid file
stop_pid() {
  local name=$1 pidfile=$2 marker=$3 pid i
  pid=$(read_pid "$pidfile")
  if ! pid_alive "$pid" "$marker"; then
    rm -f "$pidfile"
    say "$name: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do
    pid_alive "$pid" "$marker" || break
    sleep 0.5
  done
  if pid_alive "$pid" "$marker"; then
    warn "$name (pid $pid) did not stop in 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  say "$name: stopped (pid $pid)"
}

# close_inherited_fds: in a subshell about to exec a daemon, closes every descriptor above 2, so that the daemon
# holds nothing its starter had open: a lock taken around `strato up` with flock(1) stayed held by every service
# that up started, for as long as they ran, and the next `flock ... strato up` waited for good
close_inherited_fds() {
  local fd
  for fd in /proc/"$BASHPID"/fd/*; do
    fd=${fd##*/}
    if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-"; fi
  done
  return 0
}

# wait_port NAME PORT SECONDS PID MARKER LOG: waits until PORT answers; fails early if PID dies
wait_port() {
  local name=$1 port=$2 seconds=$3 pid=$4 marker=$5 log=$6 i
  for i in $(seq 1 $((seconds * 2))); do
    port_open "$port" && return 0
    if ! child_alive "$pid"; then
      say "$name exited during startup; last lines of $log:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  say "$name did not listen on 127.0.0.1:$port within ${seconds}s; last lines of $log:" >&2
  tail -n 40 "$log" >&2 || true
  return 1
}

# as_root CMD...: runs CMD as root (directly, or with sudo when available)
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $*"
  fi
}
