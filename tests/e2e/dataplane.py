#!/usr/bin/env python3
"""Issue 13's user story on the real host: two guests of the strato-tiny image get addresses, keys and a firewall.

Needs a cloud started with STRATO_REAL_HOST=1 (as root: compute-agent-real plugs taps into network bridges and
network-agent-real programs them) and the strato-tiny image that `up` registers. As a new project's member:

  1. a network and subnet (DHCP), a key pair (ssh-keygen), a security group allowing ssh from the "host" address
     and everything from its own members;
  2. two servers of strato-tiny in zone "real" with that key and a #!/bin/sh user_data;
  3. the host reaches the guests the way this issue allows without routers: a namespace of the test's own with a
     veth on the network's bridge and an address reserved as a port (device_owner "test:host");
  4. ssh -i key strato@<guest 1> works; from it, ping guest 2's fixed IP, read its own hostname and key from the
     metadata service, and see its user_data ran;
  5. the security group is enforced: the ssh rule deleted -> ssh refused (checked within 1 s of the 204), added back
     -> ssh works; a port without the group's ICMP rule does not answer ping;
  6. a third server, created with config_drive true on a network whose subnet has no DHCP (so neither an address
     nor the metadata service reaches it), reads its config drive: its serial console (what `openstack console log
     show` prints) says "strato-tiny: instance data: config drive", names its hostname and instance id, and its
     user_data ran.

Cleans up everything (servers, ports, network, key pair, group, flavor, project, namespace), also after a failure.
"""
import json
import os
import re
import shutil
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strato_e2e import (BOOT_TIMEOUT, REAL_HOST, REAL_ZONE, TEST_IMAGE as IMAGE, Cloud, Member, Report,  # noqa: E402
                        active_image, call, console_output, delete_servers, log, now, quietly, raise_on_sigterm,
                        retrying, sh, ssh_argv)

CIDR_PREFIX = "10.99.13."
DRIVE_CIDR = "10.99.14.0/24"
HOST_ADDRESS = CIDR_PREFIX + "250"


class Machine:
    """The test's stand-in for the host's side of the network: a namespace on the network's bridge."""

    def __init__(self, network_id, address):
        self.ns = "e2e-dp-" + uuid.uuid4().hex[:6]
        self.veth = "e2edp" + uuid.uuid4().hex[:6]
        self.bridge = "brq" + network_id[:11]
        sh("ip", "netns", "add", self.ns, check=True)
        sh("ip", "link", "add", self.veth, "type", "veth", "peer", "name", "eth0", "netns", self.ns, check=True)
        sh("ip", "link", "set", self.veth, "master", self.bridge, "up", check=True)
        sh("ip", "-n", self.ns, "link", "set", "lo", "up", check=True)
        sh("ip", "-n", self.ns, "link", "set", "eth0", "mtu", "1450", "up", check=True)
        sh("ip", "-n", self.ns, "addr", "add", address + "/24", "dev", "eth0", check=True)

    def run(self, *args, timeout=30):
        return sh("ip", "netns", "exec", self.ns, *args, timeout=timeout)

    def ssh(self, key, address, command, timeout=20):
        return self.run(*ssh_argv(key, address, command), timeout=timeout)

    def remove(self):
        sh("ip", "netns", "del", self.ns)
        sh("ip", "link", "del", self.veth)


def main():
    if os.geteuid() != 0:
        raise SystemExit("dataplane: run as root (it makes a namespace on the network's bridge)")
    raise_on_sigterm()
    report = Report("dataplane")
    c = Cloud()
    tag = uuid.uuid4().hex[:6]
    work = tempfile.mkdtemp(prefix="e2e-dataplane-")
    made = {"servers": [], "ports": [], "flavor": None, "group": None, "network": None, "drive_network": None,
            "member": None, "keypair": None}
    machine = None
    try:
        image = active_image(c, IMAGE)
        if not image:
            raise SystemExit(f"dataplane: no active image {IMAGE} (deploy/local/strato up registers it)")
        made["member"] = Member(c, f"e2e-dp-{tag}")
        tok = made["member"].token
        _, f, _ = call("POST", c.compute + "/flavors", c.admin, {"flavor": {"name": f"e2e-dp-{tag}", "ram": 256,
                                                                          "vcpus": 1, "disk": 1}})
        made["flavor"] = f["flavor"]["id"]

        # 1. network, subnet, key pair, security group
        _, n, _ = call("POST", c.network + "/networks", tok, {"network": {"name": f"dp-{tag}"}})
        net = made["network"] = n["network"]["id"]
        call("POST", c.network + "/subnets", tok, {"subnet": {"network_id": net, "ip_version": 4,
                                                             "cidr": CIDR_PREFIX + "0/24", "name": f"dp-{tag}"}})
        key = os.path.join(work, "key")
        sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key, check=True)
        with open(key + ".pub") as fh:
            public = fh.read().strip()
        call("POST", c.compute + "/os-keypairs", tok, {"keypair": {"name": f"dp-{tag}", "public_key": public}})
        made["keypair"] = f"dp-{tag}"
        _, g, _ = call("POST", c.network + "/security-groups", tok, {"security_group": {"name": f"dp-{tag}"}})
        group = made["group"] = g["security_group"]["id"]
        _, r, _ = call("POST", c.network + "/security-group-rules", tok, {"security_group_rule": {
            "security_group_id": group, "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
            "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": HOST_ADDRESS + "/32"}})
        ssh_rule = r["security_group_rule"]["id"]
        call("POST", c.network + "/security-group-rules", tok, {"security_group_rule": {
            "security_group_id": group, "direction": "ingress", "ethertype": "IPv4", "remote_group_id": group}})
        # the host's address, reserved so IPAM never gives it to a guest
        _, hp, _ = call("POST", c.network + "/ports", tok, {"port": {"network_id": net, "device_owner": "test:host",
                                                                   "fixed_ips": [{"ip_address": HOST_ADDRESS}]}})
        made["ports"].append(hp["port"]["id"])

        # 2. two servers on the real host
        user_data = "#!/bin/sh\necho dataplane-user-data-ran > /tmp/user-data-marker\n"
        import base64
        ids = []
        t_boot = now()
        for i in (1, 2):
            _, s, _ = call("POST", c.compute + "/servers", tok, {"server": {
                "name": f"web-server-0{i}", "imageRef": image, "flavorRef": made["flavor"], "key_name": f"dp-{tag}",
                "availability_zone": REAL_ZONE, "networks": [{"uuid": net}], "security_groups": [{"name": f"dp-{tag}"}],
                "user_data": base64.b64encode(user_data.encode()).decode()}}, timeout=120)
            ids.append(s["server"]["id"])
            made["servers"].append(s["server"]["id"])
        # 6 starts here, so that its guest boots while the others are tested
        drive_server = create_drive_server(c, tok, made, tag, image, user_data)
        t_drive = now()
        addresses = {}
        deadline = now() + BOOT_TIMEOUT
        while now() < deadline and len(addresses) < 2:
            for sid in ids:
                _, s, _ = retrying(lambda: call("GET", f"{c.compute}/servers/{sid}", tok))
                st = s["server"]["status"]
                if st == "ERROR":
                    raise RuntimeError(f"server {sid} went to ERROR: {s['server'].get('fault')}")
                if st == "ACTIVE":
                    for nets in s["server"]["addresses"].values():
                        for a in nets:
                            if a.get("version") == 4:
                                addresses[sid] = a["addr"]
            time.sleep(2)
        report.check(len(addresses) == 2, "both servers ACTIVE with a fixed IP", str(addresses))
        a1, a2 = addresses[ids[0]], addresses[ids[1]]
        statuses = {}
        while now() < deadline:
            _, b, _ = call("GET", f"{c.network}/ports?network_id={net}", c.admin)
            statuses = {p["device_id"]: (p["status"], p["binding:vif_type"]) for p in b["ports"]}
            if all(statuses.get(sid, ("",))[0] == "ACTIVE" for sid in ids):
                break
            time.sleep(1)
        report.check(all(statuses.get(sid) == ("ACTIVE", "bridge") for sid in ids),
                     "the guests' ports are ACTIVE: the network agent reported them made", str(statuses))
        # the agent as an operator sees it, with the unmodified client (the admin's OS_* environment)
        r = sh("openstack", "network", "agent", "list", "--host", REAL_HOST, "-f", "json")
        rows = json.loads(r.stdout) if r.returncode == 0 and r.stdout.strip() else []
        report.check(any(row.get("Host") == REAL_HOST and row.get("Alive") in (True, ":-)") for row in rows),
                     f"openstack network agent list: {REAL_HOST}'s network agent is alive", r.stdout + r.stderr[-300:])
        _, b, _ = call("GET", f"{c.network}/agents", tok)
        report.check(b.get("agents") == [], "a project member lists no agents (Neutron's admin-only view)", str(b))

        # 3. the host's side
        machine = Machine(net, HOST_ADDRESS)

        # 4. ssh into guest 1
        ok = False
        while now() < deadline:
            r = machine.ssh(key, a1, "hostname")
            if r.returncode == 0:
                ok = True
                break
            time.sleep(3)
        report.check(ok, f"ssh -i key strato@{a1} (boot to ssh {now() - t_boot:.0f} s)", r.stderr[-300:])
        if not ok:
            # what the guest said (where its instance data came from, its keys): the reason, for a CI log
            log("guest 1's console, last 3000 characters:\n" + quietly_console(c, tok, ids[0])[-3000:])
            raise RuntimeError("no ssh")
        report.check(r.stdout.strip() == "web-server-01", "the guest's hostname is its server name", r.stdout)
        r = machine.ssh(key, a1, f"ping -c 2 -W 2 {a2}")
        report.check(r.returncode == 0, "guest 1 pings guest 2 by its fixed IP (remote group rule)", r.stdout[-200:])
        r = machine.ssh(key, a1, "wget -q -O - http://169.254.169.254/openstack/latest/meta_data.json")
        report.check(ids[0] in r.stdout and "web-server-01" in r.stdout, "metadata: its own uuid and hostname",
                     r.stdout[-300:] + r.stderr[-200:])
        r = machine.ssh(key, a1, "wget -q -O - http://169.254.169.254/latest/meta-data/public-keys/0/openssh-key")
        report.check(r.stdout.strip() == public, "metadata: its own public key", r.stdout[-200:])
        r = machine.ssh(key, a1, "cat /tmp/user-data-marker")
        report.check("dataplane-user-data-ran" in r.stdout, "its #!/bin/sh user_data ran", r.stdout + r.stderr[-200:])
        r = machine.run("ping", "-c", "1", "-W", "2", a1)
        report.check(r.returncode != 0, "ICMP from the host is dropped (no rule allows it)")

        # 5. the ssh rule goes: refused within 1 s of the 204; back: works
        call("DELETE", f"{c.network}/security-group-rules/{ssh_rule}", tok)
        t = now()
        r = machine.run("sh", "-c", f"sleep 1; nc -z -w 2 {a1} 22 || busybox nc -w 2 {a1} 22 </dev/null")
        report.check(r.returncode != 0, f"ssh refused 1 s after the rule's delete answered ({now() - t:.1f} s)")
        _, r2, _ = call("POST", c.network + "/security-group-rules", tok, {"security_group_rule": {
            "security_group_id": group, "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
            "port_range_min": 22, "port_range_max": 22, "remote_ip_prefix": HOST_ADDRESS + "/32"}})
        time.sleep(1)
        r = machine.ssh(key, a1, "true")
        report.check(r.returncode == 0, "ssh works 1 s after the rule is created again", r.stderr[-200:])

        # 6. the guest without DHCP read its config drive
        check_config_drive(c, tok, report, drive_server, t_drive)
    except Exception as e:  # noqa: BLE001 - reported, then cleaned up
        report.fail("dataplane", str(e)[:500])
    finally:
        if machine:
            machine.remove()
        cleanup(c, made)
        shutil.rmtree(work, ignore_errors=True)
    return report.exit()


def create_drive_server(c, tok, made, tag, image, user_data):
    """A server with config_drive true on a network of its own whose subnet has DHCP off (`--no-dhcp`)."""
    import base64
    _, n, _ = call("POST", c.network + "/networks", tok, {"network": {"name": f"dp-drive-{tag}"}})
    net = made["drive_network"] = n["network"]["id"]
    call("POST", c.network + "/subnets", tok, {"subnet": {"network_id": net, "ip_version": 4, "cidr": DRIVE_CIDR,
                                                         "enable_dhcp": False, "name": f"dp-drive-{tag}"}})
    _, s, _ = call("POST", c.compute + "/servers", tok, {"server": {
        "name": "drive-box-01", "imageRef": image, "flavorRef": made["flavor"], "key_name": f"dp-{tag}",
        "availability_zone": REAL_ZONE, "networks": [{"uuid": net}], "config_drive": True,
        "user_data": base64.b64encode(user_data.encode()).decode()}}, timeout=120)
    sid = s["server"]["id"]
    made["servers"].append(sid)
    return sid


def quietly_console(c, tok, sid):
    """The server's console so far, or why it could not be read."""
    try:
        return console_output(c, tok, sid)
    except Exception as e:  # a diagnostic only: never hide the failure it explains
        return f"(console not readable: {e})"


def check_config_drive(c, tok, report, sid, t0):
    """Reads the guest's serial console (os-getConsoleOutput, which `openstack console log show` calls) until it is
    ready, then checks that its instance data came from the config drive, with this server's hostname and id."""
    _, s, _ = retrying(lambda: call("GET", f"{c.compute}/servers/{sid}", tok))
    report.check(s["server"].get("config_drive") == "True", "the config-drive server shows config_drive True",
                 str(s["server"].get("config_drive")))
    output = ""
    deadline = t0 + BOOT_TIMEOUT
    while now() < deadline:
        _, s, _ = retrying(lambda: call("GET", f"{c.compute}/servers/{sid}", tok))
        if s["server"]["status"] == "ERROR":
            report.fail("config drive server", f"ERROR: {s['server'].get('fault')}")
            return
        if s["server"]["status"] == "ACTIVE":
            output = console_output(c, tok, sid)
            if "STRATO-TINY-READY" in output and "user_data exited" in output:
                break
        time.sleep(3)
    tail = output[-1500:]
    report.check("strato-tiny: instance data: config drive" in output,
                 f"without DHCP the guest read its config drive ({now() - t0:.0f} s after create)", tail)
    report.check("no config drive" not in output and "metadata service not reachable" not in output,
                 "it neither missed the drive nor waited for the metadata service", tail)
    report.check(re.search(r"strato-tiny: hostname drive-box-01, +1 ssh key\(s\) for user strato, instance "
                           + re.escape(sid), output) is not None,
                 "its hostname, key and instance id came from the drive", tail)
    report.check("STRATO-TINY-READY hostname=drive-box-01" in output, "it is ready with that hostname", tail)
    report.check("strato-tiny: user_data exited 0" in output, "its user_data from the drive ran", tail)


def cleanup(c, made):
    made["servers"] = delete_servers(c, made["servers"])
    for p in made["ports"]:
        quietly("port", lambda: call("DELETE", f"{c.network}/ports/{p}", c.admin))
    for key in ("network", "drive_network"):
        if made[key]:
            quietly(key, lambda: call("DELETE", f"{c.network}/networks/{made[key]}", c.admin))
    if made["group"]:
        quietly("security group", lambda: call("DELETE", f"{c.network}/security-groups/{made['group']}", c.admin))
    if made["flavor"]:
        quietly("flavor", lambda: call("DELETE", f"{c.compute}/flavors/{made['flavor']}", c.admin))
    if made["member"]:
        made["member"].delete()
    log("dataplane: cleaned up")


if __name__ == "__main__":
    sys.exit(main())
