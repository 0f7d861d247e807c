#!/usr/bin/env python3
"""A host's ports programmed from nothing: the network agent restarted with PORTS ports bound to its host.

Drives a running local cloud with network-agent-real (STRATO_REAL_HOST=1 or STRATO_NETWORK_AGENT=1 up), as root:

  1. a network (DHCP off), a /20 subnet, a security group with 3 rules (one names the group as remote group);
  2. PORTS ports bound to the agent's host in that group (their taps need not exist: nftables matches names);
  3. the agent is stopped, its nftables tables deleted ("from nothing"), and started again by `strato up`;
     measured: from the JVM's start to every port's chain in the kernel, and the agent's RSS once done
     (the same again at the end, for a second figure);
  4. baseline in the same run: one `nft -f` of the tables the agent wrote (the kernel's share).

Cleans up. Usage: network-agent/bench/restart-scale.py [PORTS=1000] [HOST=strato-real-1]
"""
import os
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "e2e"))
from strato_e2e import STATE, STRATO, Cloud, call, log  # noqa: E402

PORTS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
HOST = sys.argv[2] if len(sys.argv) > 2 else "strato-real-1"
AGENT = "network-agent-real"
TABLE = "strato"


def filtered_ports():
    out = subprocess.run(["nft", "list", "map", "bridge", TABLE, "ports_from"], capture_output=True, text=True).stdout
    return out.count(": jump from_")


def agent_pid():
    with open(os.path.join(STATE, AGENT + ".pid")) as f:
        return int(f.read().strip())


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def restart_from_nothing(want):
    pid = agent_pid()
    os.kill(pid, 15)
    while os.path.exists(f"/proc/{pid}"):
        time.sleep(0.1)
    subprocess.run(["nft", "delete", "table", "bridge", TABLE])
    subprocess.run(["nft", "delete", "table", "inet", TABLE])
    t0 = time.monotonic()
    starter = subprocess.Popen([STRATO, "up"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while filtered_ports() < want:
        if time.monotonic() - t0 > 600:
            raise SystemExit("the agent did not program the ports in 10 minutes")
        time.sleep(0.05)
    took = time.monotonic() - t0
    starter.wait()
    time.sleep(2)
    return took, rss_mb(agent_pid())


def main():
    if os.geteuid() != 0:
        raise SystemExit("run as root")
    cloud = Cloud()
    net_url, tok = cloud.network, cloud.admin
    tag = uuid.uuid4().hex[:6]
    ports, network, group = [], None, None
    # the admin's project makes the ports: lift its port quota (Neutron's default, 500, is below PORTS)
    _, projects, _ = call("GET", f"{cloud.identity}/projects?name={os.environ.get('OS_PROJECT_NAME', 'admin')}", tok)
    call("PUT", f"{net_url}/quotas/{projects['projects'][0]['id']}", tok, {"quota": {"port": -1}})
    try:
        _, b, _ = call("POST", f"{net_url}/networks", tok, {"network": {"name": f"bench-scale-{tag}"}})
        network = b["network"]["id"]
        call("POST", f"{net_url}/subnets", tok, {"subnet": {"network_id": network, "ip_version": 4,
                                                          "cidr": "10.124.0.0/20", "enable_dhcp": False}})
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
            ports.append(b["port"]["id"])
        log(f"{PORTS} ports in {time.monotonic() - t:.0f} s")
        want = before + PORTS
        deadline = time.monotonic() + 300
        while filtered_ports() < want and time.monotonic() < deadline:
            time.sleep(0.5)
        runs = [restart_from_nothing(want) for _ in range(2)]
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
        for i, (took, rss) in enumerate(runs, 1):
            print(f"restart {i}: JVM start -> all {want} ports in the kernel {took:6.1f} s; agent RSS {rss:5.0f} MB")
        print(f"baseline: one nft -f of those tables {floor * 1000:6.0f} ms")
    finally:
        for p in ports:
            try:
                call("DELETE", f"{net_url}/ports/{p}", tok)
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
