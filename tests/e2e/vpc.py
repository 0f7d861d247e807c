#!/usr/bin/env python3
"""The design notes' VPC on the real host, built with the unmodified openstack client by a new project's member.

Needs a cloud started with STRATO_REAL_HOST=1 as root (compute-agent-real, network-agent-real with its L3 part) and
what `deploy/local/strato up` gives it: the image strato-tiny, the external network `public` (172.24.4.0/24) and the
host's veth strato-ex with 172.24.4.1, through which this machine reaches floating IPs and router gateways.

As the member (`openstack` with the member's OS_* variables), the VPC of ../shared/design/cloud-os-guide.txt:
a network with a "public" subnet 10.0.1.0/24 and a "private" subnet 10.0.2.0/24, a router with its external gateway
on `public` (SNAT, the default) and an interface on each subnet, a security group allowing SSH, ICMP and HTTP (the
guests' hostname page that times the floating IP's move), a key pair. Two servers of strato-tiny in zone "real":
web-1 on the public subnet (10.0.1.10) and app-1 on the private one (10.0.2.10). Each guest's #!/bin/sh user_data
(run as root) serves its hostname on port 80; web-1's also deletes its route to 169.254.169.254 through the DHCP
port; app-1's connects to the host (172.24.4.1, a listener of this test) once a second and sends its hostname.

Checks, each its own line:
  - SNAT: the host sees app-1's connections come from the router's gateway address, not from 10.0.2.10;
  - a floating IP on web-1: ssh -i key strato@<FIP> from the host answers web-1;
  - metadata through the router: web-1, without its 169.254.169.254 route, fetches its own instance-id via its
    default gateway;
  - the router's ports are ACTIVE (openstack port list --router), openstack network agent list --router shows the
    host's agent;
  - the floating IP moves to app-1 (openstack floating ip set --port): http://<FIP>/ answers app-1 within 1 s of the
    CLI's return, and ssh says app-1;
  - the private subnet's router interface: refused while the floating IP maps into it (Neutron's
    RouterInterfaceInUseByFloatingIP); the floating IP, unset, stops answering; the interface removed, app-1's
    connections to the host stop and the floating IP can no longer be put on app-1; on web-1 it answers again;
  - everything deleted (servers, floating IP, router, network): no qrouter-/qdhcp- namespace, brq bridge, tap/qr/qg
    device, dnsmasq or router nft table of them is left within a few seconds.

Cleans up everything it made (servers, floating IP, router, network, group, key pair, project, user), also after a
failure.
"""
import ipaddress
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strato_e2e import (BOOT_TIMEOUT, REAL_HOST, REAL_ZONE, TEST_IMAGE, ApiError, Cli, Cloud, Member,  # noqa: E402
                        Report, active_image, call, console_output, delete_servers, log, now, quietly,
                        raise_on_sigterm, retrying, sh, ssh_argv)

EXTERNAL = os.environ.get("STRATO_E2E_EXTERNAL_NETWORK", "public")
EXTERNAL_CIDR = ipaddress.ip_network("172.24.4.0/24")
HOST_ADDRESS = "172.24.4.1"  # strato-ex, the host's end of the public network (deploy/local/lib/network.sh)
HOST_DEVICE = "strato-ex"
PUBLIC_CIDR, PRIVATE_CIDR = "10.0.1.0/24", "10.0.2.0/24"  # the design notes' subnets
WEB_IP, APP_IP = "10.0.1.10", "10.0.2.10"
FLAVOR = os.environ.get("STRATO_E2E_VPC_FLAVOR", "m1.tiny")
MOVE_LIMIT = 1.0  # seconds from the CLI's return to the moved floating IP answering
PATH_WAIT = 30.0  # seconds for a path through the router to work once the guests are up (the agent programs it meanwhile)
GONE_WITHIN = 15.0  # seconds for the agent to remove a deleted router's and network's kernel state


class HostListener:
    """A TCP listener on the host's external address: records (time, source address, first line) of every connection."""

    def __init__(self, address):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((address, 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.seen = []
        self.lock = threading.Lock()
        self.closed = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while not self.closed:
            try:
                conn, (peer, _) = self.sock.accept()
            except OSError:
                return
            conn.settimeout(3)
            data = b""
            try:
                while b"\n" not in data and len(data) < 256:
                    chunk = conn.recv(256)
                    if not chunk:
                        break
                    data += chunk
            except OSError:
                pass
            finally:
                conn.close()
            with self.lock:
                self.seen.append((now(), peer, data.decode(errors="replace").strip()))

    def since(self, t, text=None):
        """The connections since t (monotonic), of those sending text when given."""
        with self.lock:
            return [s for s in self.seen if s[0] >= t and (text is None or s[2] == text)]

    def close(self):
        self.closed = True
        self.sock.close()


def http_hostname(address, timeout=0.5):
    """The body of http://address/ (the guest's hostname page), or None."""
    try:
        with urllib.request.urlopen(f"http://{address}/", timeout=timeout) as r:
            return r.read().decode(errors="replace").strip()
    except Exception:  # noqa: BLE001 - not answering (yet)
        return None


def until(fn, seconds, poll=1.0):
    """fn() until it returns something true or seconds pass; returns its last result."""
    deadline = now() + seconds
    while True:
        r = fn()
        if r or now() > deadline:
            return r
        time.sleep(poll)


def guest_scripts(listener_port):
    """web-1's and app-1's user_data (run as root at boot): the hostname page on port 80; web-1 drops its metadata
    route through the DHCP port; app-1 calls the host once a second."""
    page = ["mkdir -p /tmp/www", "hostname > /tmp/www/index.html", "busybox httpd -p 80 -h /tmp/www"]
    web = ["ip route del 169.254.169.254 || true"] + page
    app = page + [f"while :; do hostname | nc -w 2 {HOST_ADDRESS} {listener_port}; sleep 1; done"]
    return "\n".join(web), "\n".join(app)


def links():
    """{name: line} of the host's network devices (ip -o link)."""
    out = {}
    for line in sh("ip", "-o", "link").stdout.splitlines():
        parts = line.split(":", 2)
        if len(parts) > 2:
            out[parts[1].strip().split("@")[0]] = line
    return out


def main():
    if os.geteuid() != 0:
        raise SystemExit("vpc: run as root (it listens on the host's external address and reads the host's namespaces)")
    raise_on_sigterm()
    report = Report("vpc")
    c = Cloud()
    admin = Cli()
    tag = uuid.uuid4().hex[:6]
    work = tempfile.mkdtemp(prefix="e2e-vpc-")
    made = {"member": None, "servers": [], "fip": None, "router": None, "network": None, "group": None, "keypair": None,
            "subnets": []}
    listener = None
    try:
        # what `up` gives: the image, the external network, the host's address on it
        image = active_image(c, TEST_IMAGE)
        if not image:
            raise SystemExit(f"vpc: no active image {TEST_IMAGE} (deploy/local/strato up registers it)")
        if f" {HOST_ADDRESS}/" not in sh("ip", "-o", "-4", "addr", "show", "dev", HOST_DEVICE).stdout:
            raise SystemExit(f"vpc: {HOST_DEVICE} has no {HOST_ADDRESS} (STRATO_REAL_HOST=1 deploy/local/strato up as root "
                             "makes it)")
        ext = admin.json("network", "show", EXTERNAL)
        report.check(ext.get("router:external") in (True, "External"),
                     f"the external network {EXTERNAL} exists ({ext.get('provider:network_type')} on "
                     f"{ext.get('provider:physical_network')})", str(ext)[:300])
        listener = HostListener(HOST_ADDRESS)

        # the VPC, as a new project's member with the unmodified client
        member = made["member"] = Member(c, f"e2e-vpc-{tag}")
        cli = Cli(member)
        name = f"vpc-{tag}"
        made["network"] = cli.json("network", "create", name)["id"]
        pub = cli.json("subnet", "create", "--network", name, "--subnet-range", PUBLIC_CIDR, f"{name}-public")["id"]
        priv = cli.json("subnet", "create", "--network", name, "--subnet-range", PRIVATE_CIDR, f"{name}-private")["id"]
        made["subnets"] = [pub, priv]
        router = made["router"] = cli.json("router", "create", f"{name}-router")["id"]
        cli("router", "set", "--external-gateway", EXTERNAL, router)
        cli("router", "add", "subnet", router, pub)
        cli("router", "add", "subnet", router, priv)
        made["group"] = cli.json("security", "group", "create", f"{name}-sg")["id"]
        for rule in (["--protocol", "tcp", "--dst-port", "22"], ["--protocol", "icmp"],
                     ["--protocol", "tcp", "--dst-port", "80"]):
            cli("security", "group", "rule", "create", *rule, "--remote-ip", "0.0.0.0/0", made["group"])
        key = os.path.join(work, "key")
        sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key, check=True)
        cli("keypair", "create", "--public-key", key + ".pub", f"{name}-key")
        made["keypair"] = f"{name}-key"
        info = cli.json("router", "show", router)
        gw = info.get("external_gateway_info") or {}
        gw_ip = next((f["ip_address"] for f in gw.get("external_fixed_ips") or []
                      if ipaddress.ip_address(f["ip_address"]) in EXTERNAL_CIDR), None)
        report.check(gw.get("network_id") == ext["id"] and gw.get("enable_snat") is True and gw_ip is not None,
                     f"the member built the VPC with the openstack CLI: network, subnets {PUBLIC_CIDR} and "
                     f"{PRIVATE_CIDR}, router with its gateway on {EXTERNAL} ({gw_ip}, SNAT on) and both interfaces, "
                     "security group (ssh, icmp, http), key pair", str(gw))

        # two guests on the real host
        web_script, app_script = guest_scripts(listener.port)
        servers = {}
        t_boot = now()
        for server, address, script in (("web-1", WEB_IP, web_script), ("app-1", APP_IP, app_script)):
            path = os.path.join(work, server + ".sh")
            with open(path, "w") as fh:
                fh.write("#!/bin/sh\n" + script + "\n")
            s = cli.json("server", "create", "--flavor", FLAVOR, "--image", TEST_IMAGE, "--key-name", made["keypair"],
                         "--security-group", made["group"], "--nic", f"net-id={made['network']},v4-fixed-ip={address}",
                         "--availability-zone", REAL_ZONE, "--user-data", path, server)
            servers[server] = s["id"]
            made["servers"].append(s["id"])
        web = servers["web-1"]
        active = until(lambda: all_active(c, servers.values()), BOOT_TIMEOUT, poll=2)
        report.check(active, f"web-1 ({WEB_IP}) and app-1 ({APP_IP}) ACTIVE on {REAL_HOST}", str(server_states(c, servers.values())))
        if not active:
            raise RuntimeError("the servers did not become ACTIVE")
        ports = {s: cli.json("port", "list", "--server", sid)[0]["ID"] for s, sid in servers.items()}
        # up: their consoles say so once sshd listens (user_data has started by then)
        ready = until(lambda: all("STRATO-TINY-READY" in console_output(c, c.admin, sid) for sid in servers.values()),
                      max(30.0, BOOT_TIMEOUT - (now() - t_boot)), poll=3)
        report.check(ready, f"both guests booted: STRATO-TINY-READY on their consoles ({now() - t_boot:.0f} s after "
                            "create)", console_output(c, c.admin, web)[-600:])
        if not ready:
            raise RuntimeError("the guests did not boot")

        # SNAT: app-1 has no floating IP; the host sees its connections come from the router's gateway address
        calls = until(lambda: listener.since(t_boot, "app-1"), PATH_WAIT, poll=1)
        sources = sorted({peer for _, peer, _ in calls})
        report.check(bool(calls) and sources == [gw_ip],
                     f"SNAT: app-1 ({APP_IP}, private subnet, no floating IP) reaches {HOST_ADDRESS} on the host, which "
                     f"sees the router's gateway address {gw_ip} as the source",
                     f"sources {sources}" if calls else f"no connection from app-1 {PATH_WAIT:.0f} s after it booted "
                                                        f"(others: {listener.since(t_boot)[-3:]})")

        # a floating IP on web-1
        fip = cli.json("floating", "ip", "create", EXTERNAL)
        made["fip"] = fip["id"]
        fip_ip = fip["floating_ip_address"]
        cli("floating", "ip", "set", "--port", ports["web-1"], fip_ip)
        t_fip = now()
        r = until(lambda: ok_or_none(sh(*ssh_argv(key, fip_ip, "hostname"), timeout=20)), PATH_WAIT, poll=2)
        report.check(r is not None and r.stdout.strip() == "web-1",
                     f"the host reaches web-1 through its floating IP: ssh -i key strato@{fip_ip} hostname says web-1 "
                     f"({now() - t_fip:.1f} s after the association)",
                     "no ssh: " + sh(*ssh_argv(key, fip_ip, "hostname"), timeout=20).stderr[-200:] if r is None
                     else r.stdout + r.stderr[-200:])

        # metadata through the router
        # (busybox timeout, not wget -T: the image's busybox-static wget dies of SIGSEGV with -T)
        r = sh(*ssh_argv(key, fip_ip, "ip route; echo ---; timeout 10 wget -q -O - "
                                      "http://169.254.169.254/latest/meta-data/instance-id"), timeout=30)
        routes, _, got = r.stdout.partition("---")
        report.check("169.254.169.254" not in routes and "default via 10.0.1.1" in routes and got.strip() == web,
                     "metadata through the router: web-1, its 169.254.169.254 route via the DHCP port deleted, fetches "
                     "its own instance-id via its default gateway 10.0.1.1", r.stdout[-400:] + r.stderr[-200:])

        # the router's ports and agent, as the member and the operator see them
        def router_ports():
            rows = cli.json("port", "list", "--router", router, "-c", "ID", "-c", "Status")
            return rows if len(rows) == 3 and all(p["Status"] == "ACTIVE" for p in rows) else None
        rows = until(router_ports, 30, poll=2)
        report.check(rows is not None, "the router's two interface ports and its gateway port are ACTIVE "
                                       "(openstack port list --router)",
                     str(cli.json("port", "list", "--router", router, "-c", "ID", "-c", "Status")))
        agents = admin.run("network", "agent", "list", "--router", router, "-f", "json")
        report.check(agents.returncode == 0 and REAL_HOST in agents.stdout,
                     f"openstack network agent list --router shows {REAL_HOST}'s agent",
                     (agents.stdout + agents.stderr)[-300:])

        # the floating IP moves to app-1
        baseline = until(lambda: http_hostname(fip_ip) == "web-1", PATH_WAIT, poll=1)
        cli("floating", "ip", "set", "--port", ports["app-1"], fip_ip)
        t_moved = now()
        while now() - t_moved < 10 and http_hostname(fip_ip, timeout=0.3) != "app-1":
            time.sleep(0.05)
        took = now() - t_moved
        moved = took < 10
        report.check(baseline and took <= MOVE_LIMIT,
                     f"the floating IP moves from web-1 to app-1 (floating ip set --port): http://{fip_ip}/ answers "
                     f"app-1 {took:.2f} s after the CLI returned (at most {MOVE_LIMIT:.0f} s)",
                     "web-1's page never answered before the move" if not baseline else f"{took:.2f} s")
        r = sh(*ssh_argv(key, fip_ip, "hostname"), timeout=20)
        report.check(r.stdout.strip() == "app-1", f"after the move ssh strato@{fip_ip} says app-1",
                     r.stdout + r.stderr[-200:])

        # the private subnet's router interface
        r = cli.run("router", "remove", "subnet", router, priv)
        report.check(r.returncode != 0 and "floating" in (r.stderr + r.stdout).lower(),
                     "the private subnet's router interface cannot be removed while the floating IP maps into it "
                     "(Neutron's RouterInterfaceInUseByFloatingIP)", f"exit {r.returncode}: {r.stderr[-300:]}")
        cli("floating", "ip", "unset", "--port", fip_ip)
        t_unset = now()
        gone = until(lambda: http_hostname(fip_ip, timeout=0.3) is None, 5, poll=0.1)
        took = now() - t_unset
        silent = until(lambda: http_hostname(fip_ip, timeout=0.5) is not None, 2, poll=0.2) is False
        report.check(moved and gone and silent,
                     f"floating ip unset --port: the floating IP, which answered app-1, stops answering ({took:.1f} s) "
                     "and stays silent", "it never answered app-1" if not moved else
                     "it still answers" if not gone else "it answered again")
        cli("router", "remove", "subnet", router, priv)
        t_removed = now()
        before = listener.since(t_removed - 5, "app-1")
        time.sleep(8)
        after = listener.since(t_removed + 3, "app-1")
        report.check(before and not after,
                     "router remove subnet (private) cuts app-1 off: its once-a-second connections to the host stop "
                     "(none 3-8 s after the removal)",
                     f"{len(before)} connection(s) in the 5 s before, {len(after)} after")
        r = cli.run("floating", "ip", "set", "--port", ports["app-1"], fip_ip)
        report.check(r.returncode != 0, "without the interface the floating IP can no longer be put on app-1 "
                                        "(its subnet has no router to the external network)",
                     f"exit {r.returncode}: {r.stdout[-200:]}")
        cli("floating", "ip", "set", "--port", ports["web-1"], fip_ip)
        t_back = now()
        back = until(lambda: http_hostname(fip_ip, timeout=0.3) == "web-1", PATH_WAIT, poll=0.05)
        report.check(back, f"the public subnet's path is untouched: the floating IP back on web-1 answers "
                           f"({now() - t_back:.2f} s)")

        # delete everything; the host keeps nothing of it
        check_teardown(c, cli, report, made, router)
    except Exception as e:  # noqa: BLE001 - reported, then cleaned up
        report.fail("vpc", str(e)[:600])
    finally:
        if listener:
            listener.close()
        cleanup(c, made)
        shutil.rmtree(work, ignore_errors=True)
    return report.exit()


def ok_or_none(r):
    return r if r.returncode == 0 else None


def all_active(c, ids):
    states = server_states(c, ids)
    bad = {i: s for i, s in states.items() if s == "ERROR"}
    if bad:
        raise RuntimeError(f"servers went to ERROR: {bad}")
    return all(s == "ACTIVE" for s in states.values())


def server_states(c, ids):
    out = {}
    for sid in ids:
        _, b, _ = retrying(lambda: call("GET", f"{c.compute}/servers/{sid}", c.admin))
        out[sid] = b["server"]["status"]
    return out


def host_state(ids):
    """What the host still has of the deleted router's and network's ids: {kind: [names]}."""
    router, network, ports = ids["router"], ids["network"], ids["ports"]
    namespaces = [line.split()[0] for line in sh("ip", "netns", "list").stdout.splitlines() if line.strip()]
    ns_left = [n for n in namespaces if n in (f"qrouter-{router}", f"qdhcp-{network}")]
    devices = {f"brq{network[:11]}"} | {f"{p}{port[:11]}" for port in ports for p in ("tap", "qr-", "qg-", "ns-")}
    dev_left = sorted(set(links()) & devices)
    dnsmasq = [line for line in sh("pgrep", "-af", "dnsmasq").stdout.splitlines() if network in line]
    nft = []
    if f"qrouter-{router}" in namespaces:
        nft = sh("ip", "netns", "exec", f"qrouter-{router}", "nft", "list", "tables").stdout.split("\n")
        nft = [t for t in nft if t.strip()]
    return {"namespaces": ns_left, "devices": dev_left, "dnsmasq": dnsmasq, "router nft tables": nft}


def check_teardown(c, cli, report, made, router):
    """Deletes servers, floating IP, router and network as the member; the host must keep nothing of them."""
    _, b, _ = call("GET", f"{c.network}/ports?network_id={made['network']}", c.admin)
    port_ids = {p["id"] for p in b["ports"]}
    _, b, _ = call("GET", f"{c.network}/ports?device_id={router}", c.admin)
    port_ids |= {p["id"] for p in b["ports"]}
    ids = {"router": router, "network": made["network"], "ports": sorted(port_ids)}
    present = host_state(ids)
    log(f"before the teardown the host has: {present}")
    cli("server", "delete", "--wait", *made["servers"], timeout=300)
    made["servers"] = []
    cli("floating", "ip", "delete", made["fip"])
    made["fip"] = None
    t = now()
    cli("router", "remove", "subnet", router, made["subnets"][0])
    cli("router", "delete", router)
    made["router"] = None
    cli("network", "delete", made["network"])
    made["network"] = None
    left = until(lambda: not any(host_state(ids).values()), GONE_WITHIN, poll=0.5)
    state = host_state(ids)
    took = now() - t
    for kind, what in (("namespaces", f"qrouter-{router[:8]}… / qdhcp-{ids['network'][:8]}… namespace"),
                       ("devices", f"brq{ids['network'][:11]} bridge or tap/qr-/qg- device of the "
                                   f"{len(port_ids)} ports"),
                       ("dnsmasq", "dnsmasq of the network"),
                       ("router nft tables", "nft table in the router's namespace")):
        report.check(not state[kind], f"after deleting servers, floating IP, router and network: no {what} is left "
                                      f"({took:.1f} s after the router's delete began; within {GONE_WITHIN:.0f} s "
                                      "of the network's)", str(state[kind])[:400])
    if left:
        log(f"teardown: the host kept nothing after {took:.1f} s")


def cleanup(c, made):
    """Removes whatever the test made and still exists, as the admin; best effort."""
    made["servers"] = delete_servers(c, made["servers"])
    if made["fip"]:
        quietly("floating IP", lambda: call("DELETE", f"{c.network}/floatingips/{made['fip']}", c.admin))
    if made["router"]:
        r = made["router"]
        for sub in made["subnets"]:
            try:
                call("PUT", f"{c.network}/routers/{r}/remove_router_interface", c.admin, {"subnet_id": sub})
            except ApiError:
                pass  # not (or no longer) an interface
        quietly("router", lambda: call("DELETE", f"{c.network}/routers/{r}", c.admin))
    if made["network"]:
        quietly("network", lambda: call("DELETE", f"{c.network}/networks/{made['network']}", c.admin))
    if made["group"]:
        quietly("security group", lambda: call("DELETE", f"{c.network}/security-groups/{made['group']}", c.admin))
    member = made["member"]
    if member and made["keypair"]:
        quietly("key pair", lambda: call("DELETE", f"{c.compute}/os-keypairs/{made['keypair']}", member.token))
    if member:
        member.delete()
    log("vpc: cleaned up")


if __name__ == "__main__":
    sys.exit(main())
