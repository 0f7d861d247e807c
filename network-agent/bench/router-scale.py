#!/usr/bin/env python3
"""A big router programmed from nothing: INTERFACES interfaces and FIPS floating IPs, after an agent restart.

Drives a running local cloud with network-agent-real (STRATO_REAL_HOST=1 up, as root):

  1. as admin (quotas lifted for the admin project): an external network `bench-ext-<tag>` with a /22, a router
     with its gateway there, INTERFACES networks with a /24 each joined to the router, and FIPS ports spread over
     them (unbound: a floating IP needs only the fixed address), each with a floating IP;
  2. the time until the router's namespace holds them all (its NAT map and its legs), once as the agent programs
     them while they are created, then twice from nothing: the agent stopped, the router's namespace deleted
     (its legs go with it), and the agent started by `strato up`; measured from `up` and from the agent JVM's
     start to the last floating IP and leg in the kernel, with the agent's RSS after.

Cleans up. Usage: network-agent/bench/router-scale.py [INTERFACES=50] [FIPS=500]
"""
import os
import sys
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "e2e"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strato_e2e import Cloud, call, log  # noqa: E402
from benchlib import TABLE, restart_agent, sh  # noqa: E402

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
INTERFACES = int(ARGS[0]) if ARGS else 50
FIPS = int(ARGS[1]) if len(ARGS) > 1 else 500


def programmed(router):
    """(floating IPs in the router's NAT map, legs in its namespace), or (0, 0) without the namespace."""
    ns = f"qrouter-{router}"
    table = sh("ip", "netns", "exec", ns, "nft", "list", "chain", "ip", TABLE, "prerouting", check=False)
    if table.returncode != 0:
        return 0, 0
    fips = next((line.count(" : ") for line in table.stdout.splitlines() if "dnat to ip daddr map" in line), 0)
    links = sh("ip", "-n", ns, "-o", "link", "show", check=False).stdout
    return fips, sum(1 for line in links.splitlines() if ": qr-" in line or ": qg-" in line)


def main():
    if os.geteuid() != 0:
        raise SystemExit("run as root")
    cloud = Cloud()
    net_url, tok = cloud.network, cloud.admin
    tag = uuid.uuid4().hex[:5]
    made = {"fips": [], "ports": [], "subnets": [], "networks": [], "router": None, "ext": None}
    try:
        _, b, _ = call("GET", f"{cloud.identity}/auth/tokens", tok, headers={"X-Subject-Token": tok})
        project = b["token"]["project"]["id"]
        call("PUT", f"{net_url}/quotas/{project}", tok, {"quota": {
            "network": -1, "subnet": -1, "port": -1, "floatingip": -1, "router": -1}})
        _, b, _ = call("POST", f"{net_url}/networks", tok, {"network": {"name": f"bench-ext-{tag}",
                                                                       "router:external": True}})
        ext = made["ext"] = b["network"]["id"]
        made["networks"].append(ext)
        call("POST", f"{net_url}/subnets", tok, {"subnet": {"network_id": ext, "ip_version": 4,
                                                          "cidr": "100.88.0.0/22", "enable_dhcp": False}})
        _, b, _ = call("POST", f"{net_url}/routers", tok, {"router": {
            "name": f"bench-scale-{tag}", "external_gateway_info": {"network_id": ext}}})
        router = made["router"] = b["router"]["id"]
        t0 = time.monotonic()
        nets = []
        for i in range(INTERFACES):
            _, b, _ = call("POST", f"{net_url}/networks", tok, {"network": {"name": f"bench-scale-{tag}-{i}"}})
            net = b["network"]["id"]
            made["networks"].append(net)
            _, b, _ = call("POST", f"{net_url}/subnets", tok, {"subnet": {
                "network_id": net, "ip_version": 4, "cidr": f"10.126.{i}.0/24", "enable_dhcp": False}})
            made["subnets"].append(b["subnet"]["id"])
            call("PUT", f"{net_url}/routers/{router}/add_router_interface", tok, {"subnet_id": b["subnet"]["id"]})
            nets.append(net)
        for i in range(FIPS):
            _, b, _ = call("POST", f"{net_url}/ports", tok, {"port": {
                "network_id": nets[i % INTERFACES], "device_owner": "compute:bench", "device_id": f"bench-{tag}-{i}"}})
            made["ports"].append(b["port"]["id"])
            _, b, _ = call("POST", f"{net_url}/floatingips", tok, {"floatingip": {
                "floating_network_id": ext, "port_id": b["port"]["id"]}})
            made["fips"].append(b["floatingip"]["id"])
        created = time.monotonic() - t0
        want = (FIPS, INTERFACES + 1)
        while programmed(router) != want:
            if time.monotonic() - t0 > 600:
                raise SystemExit(f"not programmed in 10 minutes: {programmed(router)} of {want}")
            time.sleep(0.2)
        live = time.monotonic() - t0
        log(f"created in {created:.1f} s, in the kernel {live:.1f} s after the first create")

        def delete_namespace():
            sh("ip", "netns", "del", f"qrouter-{router}", check=False)
        runs = [restart_agent(delete_namespace, lambda: programmed(router) == want) for _ in range(2)]
        print()
        print(f"router {router}: {INTERFACES} interfaces + gateway, {FIPS} floating IPs")
        print(f"created through the API in {created:.1f} s; all in the kernel {live:.1f} s after the first create")
        for took, since_jvm, rss in runs:
            print(f"from nothing: {took:.1f} s from `strato up`, {since_jvm:.1f} s from the agent JVM's start, "
                  f"agent RSS {rss:.0f} MB")
    finally:
        steps = [("DELETE", f"{net_url}/floatingips/{f}", None) for f in made["fips"]]
        steps += [("DELETE", f"{net_url}/ports/{p}", None) for p in made["ports"]]
        if made["router"]:
            steps += [("PUT", f"{net_url}/routers/{made['router']}/remove_router_interface", {"subnet_id": s})
                      for s in made["subnets"]]
            steps.append(("DELETE", f"{net_url}/routers/{made['router']}", None))
        steps += [("DELETE", f"{net_url}/networks/{n}", None) for n in made["networks"]]
        for method, url, body in steps:
            try:
                call(method, url, tok, body)
            except Exception as e:  # noqa: BLE001 - cleanup goes on
                log(f"cleanup: {method} {url}: {e}")


if __name__ == "__main__":
    main()
