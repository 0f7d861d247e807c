# A tiny real guest for the real host (lib/realhost.sh): Debian's cloud kernel, a busybox initramfs that
# prints a marker line on the serial console, and an empty qcow2 disk. Sourced, not executed.
#
#   guest_assets DIR    makes (once; cached) DIR/vmlinuz, DIR/initramfs.gz, DIR/disk.qcow2 and prints DIR
#
# The initramfs's /init mounts proc, sys and devtmpfs, then writes to the first serial port (ttyS0,
# whatever console= says):
#     STRATO-GUEST-BOOTED marker=<value of strato.marker= on the kernel command line, or "none"> kernel=<uname -r>
# and then sleeps forever (PID 1 never exits, so the kernel does not panic). A caller that puts a fresh
# strato.marker=... on the command line (image property os_command_line) knows the line came from its boot.
# Packages: apt-get download (no install) of linux-image-<ver>-cloud-amd64 (the real package behind the
# linux-image-cloud-amd64 metapackage) and busybox-static; cpio, gzip and qemu-img must be installed.

# the first word of the line /init prints (the line itself is written in /init below)
GUEST_MARKER=STRATO-GUEST-BOOTED

command -v say >/dev/null || say() { printf '%s\n' "$*"; }
command -v die >/dev/null || die() { printf 'strato: %s\n' "$*" >&2; exit 1; }

# guest_kernel_package: the versioned package the cloud-kernel metapackage depends on
guest_kernel_package() {
  apt-cache depends linux-image-cloud-amd64 2>/dev/null \
    | awk '/Depends: linux-image-[0-9].*-cloud-amd64/ {print $2; exit}'
}

# guest_download DIR PACKAGE: apt-get download PACKAGE into DIR, prints the .deb's path
guest_download() {
  local dir=$1 pkg=$2 deb
  deb=$(ls "$dir"/"${pkg}"_*.deb 2>/dev/null | head -1)
  if [ -z "$deb" ]; then
    (cd "$dir" && apt-get download -q "$pkg" >/dev/null 2>&1) \
      || { apt-get update -qq >/dev/null 2>&1 && (cd "$dir" && apt-get download -q "$pkg" >/dev/null 2>&1); } \
      || die "guest assets: apt-get download $pkg failed"
    deb=$(ls "$dir"/"${pkg}"_*.deb 2>/dev/null | head -1)
  fi
  [ -n "$deb" ] || die "guest assets: no .deb for $pkg in $dir"
  echo "$deb"
}

guest_kernel() {
  local dir=$1 pkg deb tmp
  [ -s "$dir/vmlinuz" ] && return 0
  pkg=$(guest_kernel_package)
  [ -n "$pkg" ] || { apt-get update -qq >/dev/null 2>&1; pkg=$(guest_kernel_package); }
  [ -n "$pkg" ] || die "guest assets: apt-cache knows no linux-image-cloud-amd64 (apt-get update?)"
  say "guest assets: kernel from $pkg" >&2
  deb=$(guest_download "$dir/debs" "$pkg")
  tmp=$(mktemp -d)
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" --wildcards './boot/vmlinuz-*' \
    || { rm -rf "$tmp"; die "guest assets: no /boot/vmlinuz-* in $deb"; }
  mv "$(ls "$tmp"/boot/vmlinuz-* | head -1)" "$dir/vmlinuz.part" && mv "$dir/vmlinuz.part" "$dir/vmlinuz"
  rm -rf "$tmp"
}

guest_initramfs() {
  local dir=$1 deb root
  [ -s "$dir/initramfs.gz" ] && return 0
  command -v cpio >/dev/null || die "guest assets: cpio is missing (apt-get install cpio)"
  deb=$(guest_download "$dir/debs" busybox-static)
  root=$(mktemp -d)
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$root" ./bin/busybox || { rm -rf "$root"; die "guest assets: no busybox in $deb"; }
  mkdir -p "$root"/{proc,sys,dev,sbin,usr/bin,usr/sbin}
  ln -s busybox "$root/bin/sh"
  # a console node for the kernel to open before /init runs (only root can make it; /init copes without)
  [ "$(id -u)" -eq 0 ] && mknod -m 600 "$root/dev/console" c 5 1
  cat >"$root/init" <<'INIT'
#!/bin/sh
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
exec </dev/console >/dev/console 2>&1
marker=none
for arg in $(cat /proc/cmdline); do
  case "$arg" in strato.marker=*) marker=${arg#strato.marker=} ;; esac
done
line="STRATO-GUEST-BOOTED marker=$marker kernel=$(uname -r)"
if [ -c /dev/ttyS0 ]; then echo "$line" >/dev/ttyS0; else echo "$line"; fi
# PID 1 must never exit (the kernel would panic): idle until the domain is destroyed
while true; do sleep 3600; done
INIT
  chmod 755 "$root/init"
  (cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -9) >"$dir/initramfs.gz.part" \
    || { rm -rf "$root"; die "guest assets: building the initramfs failed"; }
  mv "$dir/initramfs.gz.part" "$dir/initramfs.gz"
  rm -rf "$root"
}

guest_disk() {
  local dir=$1
  [ -s "$dir/disk.qcow2" ] && return 0
  command -v qemu-img >/dev/null || die "guest assets: qemu-img is missing (apt-get install qemu-utils)"
  qemu-img create -q -f qcow2 "$dir/disk.qcow2.part" 64M && mv "$dir/disk.qcow2.part" "$dir/disk.qcow2"
}

# guest_assets DIR: the three files in DIR (made when missing), then prints DIR
guest_assets() {
  local dir=$1
  mkdir -p "$dir/debs"
  guest_kernel "$dir"
  guest_initramfs "$dir"
  guest_disk "$dir"
  echo "$dir"
}
