#!/usr/bin/env python3
"""A host's ports programmed from nothing: the network agent restarted with PORTS ports bound to its host.

Drives a running local cloud with network-agent-real (STRATO_REAL_HOST=1 or STRATO_NETWORK_AGENT=1 up), as root:

  1. a network, a /20 subnet with DHCP, a security group with 3 rules (one names the group as remote group);
  2. PORTS ports bound to the agent's host in that group, each with a machine: a network namespace whose veth
     host end is the port's tap (`tap` + the port id's first 11 characters, as libvirt names it) on the
     network's bridge, with the port's MAC (as Neutron's fullstack tests stand namespaces for VMs);
  3. the agent is stopped, its nftables tables deleted ("from nothing"), and started again by `strato up`;
     measured: from the JVM's start to every port's chain in the kernel, and the agent's RSS once done
     (the same again, for a second figure);
  4. then every machine runs busybox udhcpc (40 at a time): the time until all PORTS have their port's address,
     and two of them ping each other (the remote-group rule) while a third, outside the group, cannot;
  5. baseline in the same run: one `nft -f` of the tables the agent wrote (the kernel's share).

Cleans up (namespaces, veths, ports, group, network). Usage:
  network-agent/bench/restart-scale.py [PORTS=1000] [HOST=strato-real-1] [--no-machines]
"""
import os
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "e2e"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strato_e2e import Cloud, call, log  # noqa: E402
from benchlib import TABLE, machine, restart_agent, sh  # noqa: E402

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
PORTS = int(ARGS[0]) if ARGS else 1000
HOST = ARGS[1] if len(ARGS) > 1 else "strato-real-1"
MACHINES = "--no-machines" not in sys.argv


def filtered_ports():
    out = subprocess.run(["nft", "list", "map", "bridge", TABLE, "ports_from"], capture_output=True, text=True).stdout
    return out.count(": jump from_")






def dhcp_address(ns):
    """The address udhcpc got in the machine (and when), or None."""
    r = sh("ip", "netns", "exec", ns, "timeout", "30", "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-f",
           "-t", "6", "-T", "2", "-s", UDHCPC_SCRIPT, check=False)
    for line in r.stdout.splitlines():
        if line.startswith("lease "):
            return line.split()[1], time.monotonic()
    return None, None


UDHCPC_SCRIPT = "/tmp/strato-bench-udhcpc.sh"


def write_udhcpc_script():
    with open(UDHCPC_SCRIPT, "w") as f:
        f.write('#!/bin/sh\n[ "$1" = bound ] || exit 0\nip addr add "$ip/${mask:-20}" dev "$interface"\necho "lease $ip"\n')
    os.chmod(UDHCPC_SCRIPT, 0o755)






def restart_from_nothing(want):
    def delete_tables():
        subprocess.run(["nft", "delete", "table", "bridge", TABLE])
        subprocess.run(["nft", "delete", "table", "inet", TABLE])
    return restart_agent(delete_tables, lambda: filtered_ports() >= want)




def main():
    if os.geteuid() != 0:
        raise SystemExit("run as root")
    cloud = Cloud()
    net_url, tok = cloud.network, cloud.admin
    tag = uuid.uuid4().hex[:6]
    ports, network, group, machines, outsider = [], None, None, [], None
    # the admin's project makes the ports: lift its port quota (Neutron's default, 500, is below PORTS)
    _, projects, _ = call("GET", f"{cloud.identity}/projects?name={os.environ.get('OS_PROJECT_NAME', 'admin')}", tok)
    call("PUT", f"{net_url}/quotas/{projects['projects'][0]['id']}", tok, {"quota": {"port": -1}})
    try:
        _, b, _ = call("POST", f"{net_url}/networks", tok, {"network": {"name": f"bench-scale-{tag}"}})
        network = b["network"]["id"]
        call("POST", f"{net_url}/subnets", tok, {"subnet": {"network_id": network, "ip_version": 4,
                                                          "cidr": "10.124.0.0/20", "enable_dhcp": MACHINES}})
        _, b, _ = call("POST", f"{net_url}/security-groups", tok, {"security_group": {"name": f"bench-{tag}"}})
        group = b["security_group"]["id"]
        for rule in ({"protocol": "tcp", "port_range_min": 22, "port_range_max": 22},
                     {"protocol": "icmp"}, {"remote_group_id": group}):
            call("POST", f"{net_url}/security-group-rules", tok, {"security_group_rule": dict(
                security_group_id=group, direction="ingress", ethertype="IPv4", **rule)})
        before = filtered_ports()
        log(f"creating {PORTS} ports bound to {HOST} ({before} filtered ports there already)")
        t = time.monotonic()
        for i in range(PORTS):
            _, b, _ = call("POST", f"{net_url}/ports", tok, {"port": {
                "network_id": network, "security_groups": [group], "binding:host_id": HOST,
                "device_owner": "compute:bench", "device_id": f"bench-{tag}-{i}"}})
            ports.append(b["port"])
        log(f"{PORTS} ports in {time.monotonic() - t:.0f} s")
        bridge = "brq" + network[:11]
        if MACHINES:
            # one more port, in the default group only: the guests' group must not admit it
            _, b, _ = call("POST", f"{net_url}/ports", tok, {"port": {
                "network_id": network, "binding:host_id": HOST, "device_owner": "compute:bench",
                "device_id": f"bench-{tag}-outsider"}})
            outsider = b["port"]
            deadline = time.monotonic() + 120
            while not os.path.exists(f"/sys/class/net/{bridge}") and time.monotonic() < deadline:
                time.sleep(0.5)
            t = time.monotonic()
            for i, p in enumerate(ports + [outsider]):
                machines.append(machine(i, p, bridge, tag))
            log(f"{len(machines)} machines (namespace + veth on {bridge}) in {time.monotonic() - t:.0f} s")
        want = before + PORTS
        deadline = time.monotonic() + 300
        while filtered_ports() < want and time.monotonic() < deadline:
            time.sleep(0.5)
        want += 1 if outsider else 0
        runs = [restart_from_nothing(want) for _ in range(2)]
        leases = None
        if MACHINES:
            write_udhcpc_script()
            t = time.monotonic()
            with ThreadPoolExecutor(40) as pool:
                got = list(pool.map(dhcp_address, machines))
            wanted = [p["fixed_ips"][0]["ip_address"] for p in ports + [outsider]]
            right = [at for (g, at), w in zip(got, wanted) if g == w]
            took = max(right) - t if right else float("nan")
            leases = (took, len(right), len(machines))
            # the remote-group rule admits members on any port; the outsider (default group only) has no rule
            a, b2, out = machines[0], ports[1]["fixed_ips"][0]["ip_address"], machines[-1]
            server = subprocess.Popen(["ip", "netns", "exec", machines[1], "busybox", "nc", "-ll", "-p", "8080",
                                       "-e", "/bin/true"])
            time.sleep(0.5)
            member = sh("ip", "netns", "exec", a, "busybox", "nc", "-w", "2", b2, "8080", check=False).returncode == 0
            outside = sh("ip", "netns", "exec", out, "busybox", "nc", "-w", "2", b2, "8080", check=False).returncode
            server.kill()
            log(f"tcp 8080 from a group member: {'admitted' if member else 'REFUSED (wrong)'}; "
                f"from outside the group: {'dropped' if outside != 0 else 'ADMITTED (wrong)'}")
            leases += (member and outside != 0,)
        tables = subprocess.run(["nft", "list", "ruleset"], capture_output=True, text=True).stdout
        strato = "".join(subprocess.run(["nft", "list", "table", fam, TABLE], capture_output=True, text=True).stdout
                         for fam in ("bridge", "inet"))
        with tempfile.NamedTemporaryFile("w", suffix=".nft", delete=False) as f:
            f.write(f"table bridge {TABLE}_floor\ndelete table bridge {TABLE}_floor\n"
                    f"table inet {TABLE}_floor\ndelete table inet {TABLE}_floor\n")
            f.write(strato.replace(f"table bridge {TABLE} ", f"table bridge {TABLE}_floor ")
                    .replace(f"table inet {TABLE} ", f"table inet {TABLE}_floor "))
            script = f.name
        t = time.monotonic()
        subprocess.run(["nft", "-f", script], check=True)
        floor = time.monotonic() - t
        subprocess.run(["nft", "delete", "table", "bridge", f"{TABLE}_floor"])
        subprocess.run(["nft", "delete", "table", "inet", f"{TABLE}_floor"])
        os.unlink(script)
        print()
        print(f"host {HOST}: {want} filtered ports; strato tables {len(strato.splitlines())} lines "
              f"(whole ruleset {len(tables.splitlines())})")
        for i, (took, since_jvm, rss) in enumerate(runs, 1):
            print(f"restart {i}: strato up -> all {want} ports in the kernel {took:6.1f} s, of which from the agent "
                  f"JVM's start {since_jvm:5.1f} s; agent RSS {rss:5.0f} MB")
        print(f"baseline: one nft -f of those tables {floor * 1000:6.0f} ms")
        if leases:
            print(f"DHCP: {leases[1]}/{leases[2]} machines got their port's address, the last {leases[0]:.1f} s "
                  "after the first asked (udhcpc, 40 at a time)")
            print(f"filters: remote group admits a member, drops an outsider: {'yes' if leases[3] else 'NO'}")
    finally:
        for ns in machines:
            sh("ip", "netns", "del", ns, check=False)  # takes the veth pair with it
        for p in ports + ([outsider] if outsider else []):
            try:
                call("DELETE", f"{net_url}/ports/{p['id']}", tok)
            except Exception as e:  # noqa: BLE001
                log(f"cleanup: port {p}: {e}")
        for what, url in (("group", f"security-groups/{group}"), ("network", f"networks/{network}")):
            try:
                if url.split("/")[1] != "None":
                    call("DELETE", f"{net_url}/{url}", tok)
            except Exception as e:  # noqa: BLE001
                log(f"cleanup: {what}: {e}")


if __name__ == "__main__":
    main()
