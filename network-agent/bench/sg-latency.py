#!/usr/bin/env python3
"""Security-group rule to kernel: how long after `POST /security-group-rules` answers 201 the rule is in force.

Drives a running local cloud with its network agent (STRATO_REAL_HOST=1 or STRATO_NETWORK_AGENT=1
deploy/local/strato up) as the admin of `eval "$(deploy/local/strato env)"`:

  1. a network (DHCP off: only the security-group path is measured), a /21 subnet and a security group;
  2. PORTS ports bound to the agent's host (binding:host_id) in that group: the host then has PORTS filtered
     ports (their taps need not exist: nftables matches them by name);
  3. RULES times: create an ingress tcp rule with a new port number, take the time the 201 arrived, poll the
     kernel (`nft list chain inet strato sg_<group>_ingress`) until it holds that port, take the time;
  4. the same number of deletes, timed the same way (until the rule is gone);
  5. baseline in the same run: the API's own round trip of the create (request to 201), and one `nft -f` of the
     agent's current tables (what the kernel costs for one transaction of that size).

Prints p50/p95/p99/max; cleans up everything it made. Root is needed (nft). Usage:
  network-agent/bench/sg-latency.py [PORTS=200] [RULES=50] [HOST=strato-real-1]
"""
import os
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "e2e"))
from strato_e2e import Cloud, call, log, pct  # noqa: E402

PORTS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
RULES = int(sys.argv[2]) if len(sys.argv) > 2 else 50
HOST = sys.argv[3] if len(sys.argv) > 3 else "strato-real-1"
TABLE = os.environ.get("STRATO_NFT_TABLE", "strato")


def chain_text(group):
    r = subprocess.run(["nft", "list", "chain", "inet", TABLE, f"sg_{group.replace('-', '')}_ingress"],
                       capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else ""


def until(pred, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return time.monotonic()
        time.sleep(0.002)
    raise SystemExit("timed out waiting for the agent")


def summary(name, values):
    ms = [v * 1000 for v in values]
    return (f"{name:<34} n={len(ms):<4} p50={pct(ms, 50):8.1f}  p95={pct(ms, 95):8.1f}  "
            f"p99={pct(ms, 99):8.1f}  max={max(ms):8.1f} ms")


def main():
    if os.geteuid() != 0:
        raise SystemExit("run as root (it reads nftables)")
    cloud = Cloud()
    net_url = cloud.network
    tok = cloud.admin
    tag = uuid.uuid4().hex[:6]
    made = {"ports": [], "network": None, "group": None}
    try:
        _, b, _ = call("POST", f"{net_url}/networks", tok, {"network": {"name": f"bench-sg-{tag}"}})
        net = b["network"]["id"]
        made["network"] = net
        call("POST", f"{net_url}/subnets", tok, {"subnet": {"network_id": net, "ip_version": 4,
                                                          "cidr": "10.123.0.0/21", "enable_dhcp": False}})
        _, b, _ = call("POST", f"{net_url}/security-groups", tok, {"security_group": {"name": f"bench-{tag}"}})
        group = b["security_group"]["id"]
        made["group"] = group
        log(f"creating {PORTS} ports bound to {HOST}")
        t = time.monotonic()
        for i in range(PORTS):
            _, b, _ = call("POST", f"{net_url}/ports", tok, {"port": {
                "network_id": net, "security_groups": [group], "binding:host_id": HOST,
                "device_owner": "compute:bench", "device_id": f"bench-{tag}-{i}"}})
            made["ports"].append(b["port"]["id"])
        log(f"{PORTS} ports in {time.monotonic() - t:.1f} s; waiting for the agent to filter them all")
        last_tap = "tap" + made["ports"][-1][:11]
        until(lambda: last_tap.replace("-", "_") in subprocess.run(
            ["nft", "list", "table", "bridge", TABLE], capture_output=True, text=True).stdout, timeout=120)
        time.sleep(1)

        in_force, api, gone = [], [], []
        for i in range(RULES):
            port = 20000 + i
            sent = time.monotonic()
            _, b, _ = call("POST", f"{net_url}/security-group-rules", tok, {"security_group_rule": {
                "security_group_id": group, "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
                "port_range_min": port, "port_range_max": port}})
            answered = time.monotonic()
            api.append(answered - sent)
            seen = until(lambda: f"dport {port} " in chain_text(group))
            in_force.append(seen - answered)
            rule = b["security_group_rule"]["id"]
            call("DELETE", f"{net_url}/security-group-rules/{rule}", tok)
            answered = time.monotonic()
            seen = until(lambda: f"dport {port} " not in chain_text(group))
            gone.append(seen - answered)

        # the kernel's floor: one transaction the size of the agent's tables, applied by nft itself
        tables = subprocess.run(["nft", "list", "table", "bridge", TABLE], capture_output=True, text=True).stdout + \
            subprocess.run(["nft", "list", "table", "inet", TABLE], capture_output=True, text=True).stdout
        floor = []
        with tempfile.NamedTemporaryFile("w", suffix=".nft", delete=False) as f:
            f.write(f"table bridge {TABLE}_floor\ndelete table bridge {TABLE}_floor\n"
                    f"table inet {TABLE}_floor\ndelete table inet {TABLE}_floor\n")
            f.write(tables.replace(f"table bridge {TABLE} ", f"table bridge {TABLE}_floor ")
                    .replace(f"table inet {TABLE} ", f"table inet {TABLE}_floor "))
            script = f.name
        for _ in range(10):
            t = time.monotonic()
            subprocess.run(["nft", "-f", script], check=True)
            floor.append(time.monotonic() - t)
        subprocess.run(["nft", "delete", "table", "bridge", f"{TABLE}_floor"])
        subprocess.run(["nft", "delete", "table", "inet", f"{TABLE}_floor"])
        os.unlink(script)
        lines = len(tables.splitlines())

        print()
        print(f"host {HOST}: {PORTS} filtered ports in one group, tables of {lines} lines")
        print(summary("rule create: 201 -> in the kernel", in_force))
        print(summary("rule delete: 204 -> out of kernel", gone))
        print(summary("baseline: API create round trip", api))
        print(summary("baseline: nft -f of the tables", floor))
    finally:
        for p in made["ports"]:
            try:
                call("DELETE", f"{net_url}/ports/{p}", tok)
            except Exception as e:  # noqa: BLE001 - cleanup goes on
                log(f"cleanup: port {p}: {e}")
        if made["group"]:
            try:
                call("DELETE", f"{net_url}/security-groups/{made['group']}", tok)
            except Exception as e:  # noqa: BLE001
                log(f"cleanup: group: {e}")
        if made["network"]:
            try:
                call("DELETE", f"{net_url}/networks/{made['network']}", tok)
            except Exception as e:  # noqa: BLE001
                log(f"cleanup: network: {e}")


if __name__ == "__main__":
    main()
