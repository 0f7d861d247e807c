# Shared by build-images and run-local: podman as this machine can run it, and the facts both need.

KUBE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# pm ARGS...: podman with deploy/kubernetes/podman/containers.conf (no default ulimits, cgroupfs) and Debian's runc
pm() { CONTAINERS_CONF=$KUBE_DIR/podman/containers.conf podman --runtime /usr/sbin/runc "$@"; }

# pom_version: the root pom's own version (the images' tag)
pom_version() {
  sed -n '/<parent>/,/<\/parent>/d; s:^  <version>\(.*\)</version>.*:\1:p' "$KUBE_DIR/../../pom.xml" | head -1
}

# debian_mirror: the Debian mirror apt already uses here (first deb URI for the bookworm suite)
debian_mirror() {
  local m
  m=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list 2>/dev/null \
      | grep -v security | sed -E 's/^URIs:[[:space:]]*//; s/^deb (\[[^]]*\] )?//; s/[[:space:]].*//' | grep debian | head -1)
  echo "${m:-http://deb.debian.org/debian}"
}
