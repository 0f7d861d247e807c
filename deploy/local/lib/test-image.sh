# strato-tiny: a small cirros-like test image built from Debian packages only (docs/test-image.md).
# Sourced, not executed.
#
#   test_image DIR    makes (once; cached) DIR/strato-tiny.qcow2 and prints its path
#
# The image is a plain bootable disk (MBR, syslinux, one FAT16 partition labelled STRATOBOOT holding the
# Debian cloud kernel and an initramfs that is the whole root file system): SeaBIOS boots it without kernel
# or ramdisk image properties. At boot it loads the virtio/disk/cdrom/iso9660/vfat modules, gets eth0's
# address by DHCP (busybox udhcpc, MTU and classless static routes), reads instance data from a config
# drive (label config-2) or else the metadata service at 169.254.169.254, sets the hostname, installs the
# public keys for the user "strato" (/bin/sh, key-only), runs a "#!" user_data as root and starts dropbear.
# The guest side is in lib/test-image/ (init, rcS, udhcpc.script, json-flat, inittab, ready).
#
# Packages: apt-get download (no install) of the cloud kernel (linux-image-<ver>-cloud-amd64),
# busybox-static, dropbear-bin and the libraries dropbear needs (libc6, libcrypt1, libtomcrypt1,
# libtommath1, zlib1g; libgmp10 when libtomcrypt asks for it). Build tools that must be installed:
# dpkg-deb, cpio, gzip, mkfs.fat (dosfstools), mcopy (mtools), syslinux + /usr/lib/syslinux/mbr/mbr.bin
# (syslinux, syslinux-common) and qemu-img (qemu-utils). Needs an x86_64 build host (it runs the downloaded
# ld.so to list dropbear's libraries); needs no root, no loop device and no mount.
#
# The cache key is a hash of this file, lib/test-image/* and the kernel package: DIR/strato-tiny.qcow2 is
# rebuilt when one of them changes (DIR/strato-tiny.stamp holds the key).

TEST_IMAGE_NAME=strato-tiny
TEST_IMAGE_FILE=strato-tiny.qcow2
TEST_IMAGE_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# kernel modules loaded at boot (with what they depend on): virtio PCI, disk, NIC, SCSI and RNG; IDE/SCSI
# disks and cdroms (the config drive is an IDE cdrom on the pc machine); iso9660 and vfat; the ACPI power
# button (so a graceful shutdown powers the guest off). The cloud kernel has no AHCI driver: a config drive
# on a SATA bus (q35) is not seen; use ide, scsi (virtio-scsi) or virtio for it.
TEST_IMAGE_MODULES="virtio_pci virtio_blk virtio_net virtio_scsi virtio-rng sd_mod sr_mod ata_piix ata_generic
  isofs vfat nls_cp437 nls_ascii nls_utf8 button evdev"
# the boot partition (MiB); the disk is 1 MiB (MBR and gap) bigger
TEST_IMAGE_BOOT_MB=64

# guest_download, guest_kernel_package, say, die
declare -F guest_download >/dev/null || . "$TEST_IMAGE_SRC/guest-assets.sh"

# test_image_need: dies naming the packages of the missing build tools
test_image_need() {
  local missing=() t
  for t in dpkg-deb:dpkg cpio:cpio gzip:gzip mkfs.fat:dosfstools mcopy:mtools syslinux:syslinux qemu-img:qemu-utils; do
    command -v "${t%%:*}" >/dev/null || missing+=("${t#*:}")
  done
  [ -f /usr/lib/syslinux/mbr/mbr.bin ] || missing+=(syslinux-common)
  [ ${#missing[@]} -eq 0 ] || die "test image: missing build tools; apt-get install ${missing[*]}"
}

# test_image_key: the cache key (sha256 of the sources and the kernel package name)
test_image_key() {
  { cat "$TEST_IMAGE_SRC/test-image.sh" "$TEST_IMAGE_SRC"/test-image/*; echo "$1"; } | sha256sum | cut -c1-16
}

# test_image_modules ROOT MODDIR VERSION: copies the modules of TEST_IMAGE_MODULES and their
# dependencies to ROOT/lib/modules/NAME.ko and writes their load order (dependencies first) to
# ROOT/etc/modules
test_image_modules() {
  local root=$1 moddir=$2 ver=$3 m f
  local -A files=() seen=()
  local order=()
  while IFS= read -r f; do
    m=$(basename "$f" .ko)
    files[${m//-/_}]=$f
  done < <(find "$moddir/lib/modules/$ver" -name '*.ko')
  visit() {
    local name=${1//-/_} f dep deps
    [ -n "${seen[$name]:-}" ] && return 0
    f=${files[$name]:-}
    if [ -z "$f" ]; then
      grep -q "/${1}.ko\$\|/${name}.ko\$" "$moddir/lib/modules/$ver/modules.builtin" 2>/dev/null && { seen[$name]=1; return 0; }
      die "test image: no kernel module $1 in $ver"
    fi
    seen[$name]=1
    deps=$(tr '\0' '\n' <"$f" | sed -n 's/^depends=//p' | head -1)
    for dep in ${deps//,/ }; do visit "$dep"; done
    order+=("$(basename "$f")")
    cp "$f" "$root/lib/modules/"
  }
  mkdir -p "$root/lib/modules"
  for m in $TEST_IMAGE_MODULES; do visit "$m"; done
  printf '%s\n' "${order[@]}" >"$root/etc/modules"
}

# test_image_libs ROOT PKGROOT BINARY...: copies the shared libraries of BINARY (resolved in PKGROOT, the
# extracted library packages) and the dynamic loader into ROOT
test_image_libs() {
  local root=$1 pkg=$2 ld lib path
  shift 2
  ld=$pkg/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
  [ -x "$ld" ] || die "test image: no ld.so in the libc6 package"
  mkdir -p "$root/lib/x86_64-linux-gnu" "$root/lib64"
  cp -L "$ld" "$root/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
  ln -sf ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$root/lib64/ld-linux-x86-64.so.2"
  for bin in "$@"; do
    "$ld" --library-path "$pkg/lib/x86_64-linux-gnu:$pkg/usr/lib/x86_64-linux-gnu" --list "$bin" >"$root/.libs" \
      || die "test image: cannot list the libraries of $bin"
    while read -r lib _ path _; do
      case "$lib" in linux-vdso*|/*) continue ;; esac
      case "$path" in "$pkg"/*) ;; *) die "test image: $bin needs $lib, not in the downloaded packages ($path)" ;; esac
      cp -L "$path" "$root/lib/x86_64-linux-gnu/$lib"
    done < <(grep '=>' "$root/.libs")
  done
  rm -f "$root/.libs"
}

# test_image_rootfs DIR ROOT KERNELDIR KVER: the root file system in ROOT
test_image_rootfs() {
  local dir=$1 root=$2 kdir=$3 kver=$4 key=$5 deb pkgs p a
  pkgs=$(mktemp -d "$dir/pkgs.XXXXXX")
  for p in busybox-static dropbear-bin libc6 libcrypt1 libtomcrypt1 libtommath1 zlib1g libgmp10; do
    deb=$(guest_download "$dir/debs" "$p")
    dpkg-deb -x "$deb" "$pkgs" || die "test image: cannot extract $deb"
  done
  mkdir -p "$root"/{bin,dev,etc/init.d,etc/dropbear,etc/acpi/PWRF,home/strato,lib,mnt,proc,root,run,sys,tmp,usr,var/log}
  ln -s bin "$root/sbin"
  ln -s ../bin "$root/usr/bin"
  ln -s ../bin "$root/usr/sbin"
  ln -s ../run "$root/var/run"
  chmod 700 "$root/root"
  chmod 1777 "$root/tmp"
  # busybox and all its applets in /bin (/sbin, /usr/bin and /usr/sbin lead there too)
  cp "$pkgs/bin/busybox" "$root/bin/busybox"
  for a in $("$pkgs/bin/busybox" --list); do
    [ "$a" = busybox ] || ln -sf busybox "$root/bin/$a"
  done
  # ping for everyone: busybox is set-uid root, as in cirros (its ping has no ICMP datagram socket
  # fallback, and its shell runs applets through /proc/self/exe, not through PATH, so a separate set-uid
  # ping would not be used). Busybox drops the privileges before any applet that is not marked as needing
  # them (ping, ping6, traceroute, traceroute6, findfs, mount and umount, which allow users only what an
  # fstab "user" entry allows (no /etc/fstab here), su, passwd, login, crontab, vlock, wall). No
  # /etc/busybox.conf: busybox 1.35 parses it again in a forked applet and crashes.
  chmod 4755 "$root/bin/busybox"
  # dropbear (server, key tool, client as "ssh" too) and its libraries
  cp "$pkgs/usr/sbin/dropbear" "$pkgs/usr/bin/dropbearkey" "$pkgs/usr/bin/dbclient" "$root/bin/"
  ln -sf dbclient "$root/bin/ssh"
  test_image_libs "$root" "$pkgs" "$root/bin/dropbear" "$root/bin/dropbearkey" "$root/bin/dbclient"
  test_image_modules "$root" "$kdir" "$kver"
  # the guest scripts
  install -m 755 "$TEST_IMAGE_SRC/test-image/init" "$root/init"
  install -m 755 "$TEST_IMAGE_SRC/test-image/rcS" "$TEST_IMAGE_SRC/test-image/ready" "$root/etc/init.d/"
  install -m 755 "$TEST_IMAGE_SRC/test-image/udhcpc.script" "$root/etc/udhcpc.script"
  install -m 755 "$TEST_IMAGE_SRC/test-image/json-flat" "$root/bin/json-flat"
  install -m 644 "$TEST_IMAGE_SRC/test-image/inittab" "$root/etc/inittab"
  printf '#!/bin/sh\n# the ACPI power button (busybox acpid): a graceful shutdown\nexec /bin/poweroff\n' >"$root/etc/acpi/PWRF/00000080"
  chmod 755 "$root/etc/acpi/PWRF/00000080"
  # accounts: root (no password, no ssh login) and strato (uid 1000, /bin/sh, ssh keys only)
  printf 'root:x:0:0:root:/root:/bin/sh\nstrato:x:1000:1000:strato:/home/strato:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:*:19000:0:99999:7:::\nstrato:*:19000:0:99999:7:::\n' >"$root/etc/shadow"
  chmod 600 "$root/etc/shadow"
  printf 'root:x:0:\ntty:x:5:\nstrato:x:1000:\n' >"$root/etc/group"
  printf '/bin/sh\n/bin/ash\n' >"$root/etc/shells"
  printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
  printf 'strato-tiny\n' >"$root/etc/hostname"
  printf '127.0.0.1\tlocalhost\n' >"$root/etc/hosts"
  printf 'export PATH=/bin\nexport PS1='"'"'\\u@\\h:\\w\\$ '"'"'\n' >"$root/etc/profile"
  printf 'strato-tiny %s (Debian %s, busybox-static, dropbear-bin)\n' "$key" "$kver" >"$root/etc/strato-tiny-release"
  printf '\nstrato-tiny: a test image (busybox, dropbear). No sudo; user_data runs as root.\n\n' >"$root/etc/motd"
  rm -rf "$pkgs"
}

# test_image_cpio ROOT OUT: ROOT as a gzipped newc cpio archive, all files owned by root, plus a
# /dev/console node (written by hand so that no root or mknod is needed)
test_image_cpio() {
  local root=$1 out=$2
  { (cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) \
      || die "test image: cpio failed"
    # a second archive (the kernel unpacks concatenated ones): dev/console, char 5:1, mode 0600
    test_image_cpio_entry dev/console 020600 5 1
    test_image_cpio_entry TRAILER!!! 0 0 0
  } | gzip -9 >"$out" || die "test image: building the initramfs failed"
}

# test_image_cpio_entry NAME MODE(octal) RDEVMAJOR RDEVMINOR: one empty newc entry on stdout
test_image_cpio_entry() {
  local name=$1 mode=$((8#$2)) namesize=$((${#1} + 1)) pad
  printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%s\0' \
    1 "$mode" 0 0 1 0 0 0 0 "$3" "$4" "$namesize" 0 "$name"
  pad=$(( (4 - (110 + namesize) % 4) % 4 ))
  [ "$pad" -eq 0 ] || head -c "$pad" /dev/zero
}

# test_image_disk DIR VMLINUZ INITRD OUT: the bootable disk (raw) in OUT
test_image_disk() {
  local dir=$1 vmlinuz=$2 initrd=$3 out=$4 part sectors
  part=$dir/boot.fat
  sectors=$((TEST_IMAGE_BOOT_MB * 2048))
  rm -f "$part"
  mkfs.fat -C -F 16 -n STRATOBOOT -h 2048 -i 5747a70e "$part" $((TEST_IMAGE_BOOT_MB * 1024)) >/dev/null \
    || die "test image: mkfs.fat failed"
  cat >"$dir/syslinux.cfg" <<'CFG'
SERIAL 0 115200
PROMPT 0
TIMEOUT 0
DEFAULT strato
SAY strato-tiny: syslinux is loading the kernel
LABEL strato
  LINUX /vmlinuz
  INITRD /initrd.gz
  APPEND console=tty0 console=ttyS0,115200n8 panic=10
CFG
  export MTOOLS_SKIP_CHECK=1
  syslinux --install "$part" || die "test image: syslinux failed"
  mcopy -i "$part" "$vmlinuz" ::/vmlinuz && mcopy -i "$part" "$initrd" ::/initrd.gz \
    && mcopy -i "$part" "$dir/syslinux.cfg" ::/syslinux.cfg || die "test image: mcopy failed"
  # the disk: syslinux's MBR, one active partition (type 0x0e, FAT16 LBA) at sector 2048
  rm -f "$out"
  truncate -s $(( (TEST_IMAGE_BOOT_MB + 1) * 1024 * 1024 )) "$out"
  dd if=/usr/lib/syslinux/mbr/mbr.bin of="$out" bs=440 count=1 conv=notrunc status=none
  {
    printf '\x57\x47\xa7\x0e\0\0'
    printf '\x80\xfe\xff\xff\x0e\xfe\xff\xff'
    printf "\\x$(printf %02x $((2048 & 255)))\\x$(printf %02x $((2048 >> 8 & 255)))\\x00\\x00"
    printf "\\x$(printf %02x $((sectors & 255)))\\x$(printf %02x $((sectors >> 8 & 255)))\\x$(printf %02x $((sectors >> 16 & 255)))\\x$(printf %02x $((sectors >> 24 & 255)))"
    head -c 48 /dev/zero
    printf '\x55\xaa'
  } | dd of="$out" bs=1 seek=440 conv=notrunc status=none
  dd if="$part" of="$out" bs=1M seek=1 conv=notrunc status=none || die "test image: writing the partition failed"
  rm -f "$part"
}

# test_image DIR: DIR/strato-tiny.qcow2 (made when missing or out of date), then prints its path
test_image() {
  local dir=$1 kpkg key deb build kver
  mkdir -p "$dir/debs"
  dir=$(cd "$dir" && pwd)
  kpkg=$(guest_kernel_package)
  [ -n "$kpkg" ] || { apt-get update -qq >/dev/null 2>&1; kpkg=$(guest_kernel_package); }
  [ -n "$kpkg" ] || die "test image: apt-cache knows no linux-image-cloud-amd64 (apt-get update?)"
  key=$(test_image_key "$kpkg")
  if [ -s "$dir/$TEST_IMAGE_FILE" ] && [ "$(cat "$dir/strato-tiny.stamp" 2>/dev/null)" = "$key" ]; then
    echo "$dir/$TEST_IMAGE_FILE"
    return 0
  fi
  test_image_need
  say "test image: building $dir/$TEST_IMAGE_FILE ($kpkg, key $key)" >&2
  build=$(mktemp -d "$dir/build.XXXXXX")
  deb=$(guest_download "$dir/debs" "$kpkg")
  mkdir -p "$build/kernel"
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$build/kernel" --wildcards './boot/vmlinuz-*' './lib/modules/*' \
    || { rm -rf "$build"; die "test image: cannot extract $deb"; }
  kver=$(ls "$build/kernel/lib/modules" | head -1)
  [ -n "$kver" ] && [ -s "$build/kernel/boot/vmlinuz-$kver" ] || { rm -rf "$build"; die "test image: no kernel in $deb"; }
  test_image_rootfs "$dir" "$build/root" "$build/kernel" "$kver" "$key"
  test_image_cpio "$build/root" "$build/initrd.gz"
  test_image_disk "$build" "$build/kernel/boot/vmlinuz-$kver" "$build/initrd.gz" "$build/disk.raw"
  qemu-img convert -q -f raw -O qcow2 "$build/disk.raw" "$build/$TEST_IMAGE_FILE" \
    || { rm -rf "$build"; die "test image: qemu-img convert failed"; }
  mv "$build/$TEST_IMAGE_FILE" "$dir/$TEST_IMAGE_FILE"
  echo "$key" >"$dir/strato-tiny.stamp"
  say "test image: $dir/$TEST_IMAGE_FILE, $(du -k "$dir/$TEST_IMAGE_FILE" | cut -f1) KiB, initramfs $(du -k "$build/initrd.gz" | cut -f1) KiB" >&2
  rm -rf "$build"
  echo "$dir/$TEST_IMAGE_FILE"
}
