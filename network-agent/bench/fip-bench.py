#!/usr/bin/env python3
"""Floating IPs on the real host: how fast a move takes effect, and what the router costs a TCP stream.

Drives a running local cloud with network-agent-real (STRATO_REAL_HOST=1 up, as root), whose `public` network
reaches this host through strato-ex (172.24.4.1):

  1. as admin: a network with a /24 (no DHCP), a group admitting TCP 8080 and 5201 and ICMP, a router with the
     gateway on `public` and an interface on the subnet; two ports bound to HOST, each with a machine (a network
     namespace whose veth host end is the port's tap on the network's bridge, as Neutron's fullstack tests stand
     namespaces for VMs) answering its own name on TCP 8080; a floating IP on `public` for the first;
  2. MOVES moves of the floating IP between the two ports (`PUT /floatingips/{id}` with the other port_id): from the
     200 to the first TCP connection to FIP:8080 that the new machine answers (polled every 10 ms, each attempt
     with a 100 ms timeout); the baseline in the same run is the PUT's own round trip;
  3. iperf3 from the host to the first machine through the floating IP (router namespace: NAT, two veths, two
     bridges), beside the same stream from a namespace on the tenant network's bridge to the machine's fixed IP.

Cleans up. Usage: network-agent/bench/fip-bench.py [MOVES=100] [HOST=strato-real-1]
"""
import json
import os
import socket
import subprocess
import sys
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "e2e"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strato_e2e import Cloud, call, log, pct  # noqa: E402
from benchlib import machine, sh  # noqa: E402

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
MOVES = int(ARGS[0]) if ARGS else 100
HOST = ARGS[1] if len(ARGS) > 1 else "strato-real-1"
CIDR_PREFIX = "10.124.0"


def answer(address, port=8080, timeout=0.1):
    """The name the machine behind address:port answers with, or None."""
    try:
        with socket.create_connection((address, port), timeout=timeout) as s:
            s.settimeout(timeout)
            return s.recv(64).decode().strip() or None
    except OSError:
        return None


def until(pred, timeout=30.0, every=0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return time.monotonic()
        time.sleep(every)
    raise SystemExit("timed out")


def summary(name, values):
    ms = [v * 1000 for v in values]
    return (f"{name:<44} n={len(ms):<4} p50={pct(ms, 50):7.1f} ms  p95={pct(ms, 95):7.1f} ms  "
            f"p99={pct(ms, 99):7.1f} ms  max={max(ms):7.1f} ms")


def iperf(ns, address):
    cmd = (["ip", "netns", "exec", ns] if ns else []) + ["iperf3", "-c", address, "-t", "5", "-J"]
    out = json.loads(sh(*cmd).stdout)
    return out["end"]["sum_received"]["bits_per_second"] / 1e9


def main():
    if os.geteuid() != 0:
        raise SystemExit("run as root (it makes namespaces)")
    cloud = Cloud()
    net_url, tok = cloud.network, cloud.admin
    tag = uuid.uuid4().hex[:5]
    made = {"ports": [], "machines": [], "fip": None, "router": None, "subnet": None, "network": None, "group": None}
    servers = []
    try:
        _, b, _ = call("GET", f"{net_url}/networks?name=public", tok)
        if not b["networks"]:
            raise SystemExit("no public network: strato up makes it")
        public = b["networks"][0]["id"]
        _, b, _ = call("POST", f"{net_url}/networks", tok, {"network": {"name": f"bench-fip-{tag}"}})
        net = made["network"] = b["network"]["id"]
        _, b, _ = call("POST", f"{net_url}/subnets", tok, {"subnet": {
            "network_id": net, "ip_version": 4, "cidr": f"{CIDR_PREFIX}.0/24", "enable_dhcp": False}})
        made["subnet"] = b["subnet"]["id"]
        _, b, _ = call("POST", f"{net_url}/security-groups", tok, {"security_group": {"name": f"bench-fip-{tag}"}})
        group = made["group"] = b["security_group"]["id"]
        for proto, port in (("tcp", 8080), ("tcp", 5201), ("icmp", None)):
            rule = {"security_group_id": group, "direction": "ingress", "ethertype": "IPv4", "protocol": proto,
                    "remote_ip_prefix": "0.0.0.0/0"}
            if port:
                rule.update(port_range_min=port, port_range_max=port)
            call("POST", f"{net_url}/security-group-rules", tok, {"security_group_rule": rule})
        _, b, _ = call("POST", f"{net_url}/routers", tok, {"router": {
            "name": f"bench-fip-{tag}", "external_gateway_info": {"network_id": public}}})
        router = made["router"] = b["router"]["id"]
        call("PUT", f"{net_url}/routers/{router}/add_router_interface", tok, {"subnet_id": made["subnet"]})
        ports = []
        for i in range(2):
            _, b, _ = call("POST", f"{net_url}/ports", tok, {"port": {
                "network_id": net, "security_groups": [group], "binding:host_id": HOST,
                "device_owner": "compute:bench", "device_id": f"bench-fip-{tag}-{i}",
                "fixed_ips": [{"subnet_id": made["subnet"], "ip_address": f"{CIDR_PREFIX}.{11 + i}"}]}})
            ports.append(b["port"])
            made["ports"].append(b["port"]["id"])
        bridge = ports[0]["binding:vif_details"].get("bridge_name") or "brq" + net[:11]
        until(lambda: sh("ip", "link", "show", bridge, check=False).returncode == 0, timeout=60)
        for i, p in enumerate(ports):
            ns = machine(i, p, bridge, tag)
            made["machines"].append(ns)
            sh("ip", "-n", ns, "addr", "add", f"{CIDR_PREFIX}.{11 + i}/24", "dev", "eth0")
            sh("ip", "-n", ns, "route", "add", "default", "via", f"{CIDR_PREFIX}.1")
            servers.append(subprocess.Popen(["ip", "netns", "exec", ns, "python3", "-c",
                "import socket\ns = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                "s.bind(('0.0.0.0', 8080)); s.listen(64)\nwhile True:\n"
                f"    c, _ = s.accept(); c.sendall(b'm{i}\\n'); c.close()"]))
        _, b, _ = call("POST", f"{net_url}/floatingips", tok, {"floatingip": {
            "floating_network_id": public, "port_id": ports[0]["id"]}})
        made["fip"] = b["floatingip"]["id"]
        fip = b["floatingip"]["floating_ip_address"]
        log(f"floating IP {fip} on {ports[0]['id']}; waiting for the router")
        until(lambda: answer(fip) == "m0", timeout=120)

        moves, api = [], []
        for i in range(1, MOVES + 1):
            target = i % 2
            sent = time.monotonic()
            call("PUT", f"{net_url}/floatingips/{made['fip']}", tok, {"floatingip": {"port_id": ports[target]["id"]}})
            answered = time.monotonic()
            api.append(answered - sent)
            seen = until(lambda: answer(fip) == f"m{target}", timeout=30)
            moves.append(seen - answered)
        if MOVES % 2:
            call("PUT", f"{net_url}/floatingips/{made['fip']}", tok, {"floatingip": {"port_id": ports[0]["id"]}})
            until(lambda: answer(fip) == "m0")

        # throughput: through the floating IP, and straight over the tenant bridge
        iperf_server = subprocess.Popen(["ip", "netns", "exec", made["machines"][0], "iperf3", "-s"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        servers.append(iperf_server)
        peer_ns, peer_host = f"bq{tag}", f"bq{tag}h"
        sh("ip", "netns", "add", peer_ns)
        made["machines"].append(peer_ns)
        sh("ip", "link", "add", peer_host, "type", "veth", "peer", "name", "eth0", "netns", peer_ns)
        sh("ip", "link", "set", peer_host, "master", bridge, "up")
        sh("ip", "-n", peer_ns, "link", "set", "eth0", "up")
        sh("ip", "-n", peer_ns, "addr", "add", f"{CIDR_PREFIX}.200/24", "dev", "eth0")
        time.sleep(1)
        through_fip = [iperf(None, fip) for _ in range(3)]
        over_bridge = [iperf(peer_ns, f"{CIDR_PREFIX}.11") for _ in range(3)]
        sh("ip", "link", "del", peer_host, check=False)

        print()
        print(f"host {HOST}: floating IP {fip} moved {MOVES} times between two machines behind router {router}")
        print(summary("move: 200 -> the new machine answers", moves))
        print(summary("baseline: the PUT's round trip", api))
        print(f"TCP, 5 s streams (Gbit/s): host -> FIP -> machine {sorted(through_fip)}; "
              f"bridge neighbour -> machine {sorted(over_bridge)}; ratio of medians "
              f"{sorted(through_fip)[1] / sorted(over_bridge)[1]:.2f}")
    finally:
        for s in servers:
            s.kill()
        for ns in made["machines"]:
            sh("ip", "netns", "del", ns, check=False)
        cleanup = []
        if made["fip"]:
            cleanup.append(("DELETE", f"{net_url}/floatingips/{made['fip']}", None))
        cleanup += [("DELETE", f"{net_url}/ports/{p}", None) for p in made["ports"]]
        if made["router"]:
            cleanup.append(("PUT", f"{net_url}/routers/{made['router']}/remove_router_interface",
                            {"subnet_id": made["subnet"]}))
            cleanup.append(("DELETE", f"{net_url}/routers/{made['router']}", None))
        if made["network"]:
            cleanup.append(("DELETE", f"{net_url}/networks/{made['network']}", None))
        if made["group"]:
            cleanup.append(("DELETE", f"{net_url}/security-groups/{made['group']}", None))
        for method, url, body in cleanup:
            try:
                call(method, url, tok, body)
            except Exception as e:  # noqa: BLE001 - cleanup goes on
                log(f"cleanup: {method} {url}: {e}")


if __name__ == "__main__":
    main()
