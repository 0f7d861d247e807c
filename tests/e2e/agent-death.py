#!/usr/bin/env python3
"""An agent that dies marks its host down and its servers' state follows (issue 5).

    eval "$(deploy/local/strato env)"; tests/e2e/agent-death.py [--agent compute-agent-2 --host strato-host-2]

In a project of its own: two m1.tiny servers in an anti-affinity group (one on each simulated host), and more
servers until one more lands on the victim host, which is then stopped (SHUTOFF). The test sends SIGKILL to the
victim's agent (pid from $STRATO_STATE/<agent>.pid) and checks what compute-service's design says
(HostLiveness, HostMonitor):
  - within service-down-time (60 s) + a heartbeat, the host is "down" in os-services and os-hypervisors, the
    other host stays "up";
  - within a host-monitor sweep (10 s), the victim's servers show power_state 0 (NOSTATE: nobody knows it) and
    keep their status and vm_state (ACTIVE/active, SHUTOFF/stopped), as Nova keeps its servers' states when a
    compute service dies; the other host's server keeps power_state 1 (RUNNING);
  - a server created meanwhile is placed on an up host, not on the dead one.
Then `deploy/local/strato up` starts the agent again: the host is "up" again, its servers get their power
state back (1 and 4), the agent really has their domains (the ACTIVE one stops and starts), and claims, quota
and ports are consistent; everything is deleted and nothing is left.
"""
import argparse
import os
import signal
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
import strato_e2e as e2e  # noqa: E402

RUNNING, SHUTDOWN, NOSTATE = 1, 4, 0


def wait(cond, seconds, step=2.0):
    deadline = e2e.now() + seconds
    while True:
        v = cond()
        if v or e2e.now() > deadline:
            return v
        time.sleep(step)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--agent", default="compute-agent-2")
    ap.add_argument("--host", default="strato-host-2")
    ap.add_argument("--flavor", default="m1.tiny")
    args = ap.parse_args()
    r = e2e.Report("agent-death")
    cloud = e2e.Cloud()
    if not e2e.only_agent_hosts(cloud, r):
        return r.exit()
    hosts = e2e.compute_hosts_up(cloud)
    if not r.check(args.host in hosts and len(hosts) >= 2, f"{args.host} and another host are up in zone nova ({hosts})"):
        return r.exit()
    if not r.check(e2e.pid_of(args.agent) is not None, f"{args.agent} runs from {e2e.STATE}/{args.agent}.pid"):
        return r.exit()
    tenant = e2e.Tenant(cloud, "agent", r, instances=20, cidr="10.79.0.0/24")
    killed = False
    try:
        _, fl, _ = e2e.call("GET", cloud.compute + "/flavors", tenant.token)
        flavor = next(f["id"] for f in fl["flavors"] if f["name"] == args.flavor)
        hyps = cloud.hypervisors()
        baseline = {h: e2e.usage(hyps[h]) for h in hyps}
        vms = {h: hyps[h]["running_vms"] for h in hosts}

        def host_of(sid):
            s = tenant.server(sid)
            return s and s.get("OS-EXT-SRV-ATTR:host")

        group = tenant.make_group("anti-affinity")
        pair = [tenant.create_server(f"spread-{i}", flavor, group)[0] for i in range(2)]
        settled = tenant.wait_settled(pair, e2e.BUILD_TIMEOUT + 30)
        r.check(all(s and s["status"] == "ACTIVE" for s in settled.values()), "two anti-affinity servers ACTIVE",
                str({k: v and v["status"] for k, v in settled.items()}))
        on = {s["OS-EXT-SRV-ATTR:host"]: s["id"] for s in settled.values() if s}
        if not r.check(args.host in on and len(on) == 2, f"one of them on {args.host}, the other elsewhere ({list(on)})"):
            return r.exit()
        victim = on[args.host]
        other_host = next(h for h in on if h != args.host)
        control = on[other_host]
        stopped = None
        for i in range(6):
            sid = tenant.create_server(f"extra-{i}", flavor)[0]
            s = tenant.wait_settled([sid], e2e.BUILD_TIMEOUT + 30)[sid]
            if s and s["status"] == "ACTIVE" and s["OS-EXT-SRV-ATTR:host"] == args.host:
                stopped = sid
                break
        if r.check(stopped is not None, f"a third server placed on {args.host}"):
            tenant.action(stopped, {"os-stop": None})
            s = wait(lambda: (lambda x: x if x["status"] == "SHUTOFF" and not x["OS-EXT-STS:task_state"] else None)(
                tenant.server(stopped)), 90)
            r.check(s is not None and s["OS-EXT-STS:power_state"] == SHUTDOWN, "it is stopped: SHUTOFF, power_state 4")

        pid = e2e.pid_of(args.agent)
        os.kill(pid, signal.SIGKILL)
        killed = True
        t_kill = e2e.now()
        e2e.log(f"kill -9 {args.agent} (pid {pid})")

        def host_down():
            svc = cloud.services().get(args.host, {})
            hyp = cloud.hypervisors().get(args.host, {})
            return svc.get("state") == "down" and hyp.get("state") == "down"

        down = wait(lambda: host_down() or (e2e.pid_of(args.agent) not in (None, pid)), e2e.DOWN_TIME + 30)
        t_down = e2e.now() - t_kill
        again = e2e.pid_of(args.agent)
        if again not in (None, pid):
            # someone else's `strato up` restarted the agent before its host could go down: nothing to see
            r.fail(f"{args.host} is down in os-services and os-hypervisors",
                   f"{args.agent} was started again (pid {again}) {t_down:.0f}s after the kill by someone else's "
                   f"`strato up`: rerun on a cloud nobody else restarts meanwhile")
            return r.exit()
        r.check(down, f"{args.host} is down in os-services and os-hypervisors ({t_down:.0f}s after the kill)")
        r.check(cloud.services()[other_host]["state"] == "up", f"{other_host} stays up")

        def marked():
            s = tenant.servers()
            ok = s[victim]["OS-EXT-STS:power_state"] == NOSTATE
            if stopped:
                ok = ok and s[stopped]["OS-EXT-STS:power_state"] == NOSTATE
            return s if ok else None

        s = wait(marked, 2 * e2e.MONITOR_INTERVAL + 10) or tenant.servers()
        e2e.log(f"{e2e.now() - t_kill:.0f}s after the kill: victim {s[victim]['status']}/"
                f"{s[victim]['OS-EXT-STS:vm_state']}/power {s[victim]['OS-EXT-STS:power_state']}")
        v = s[victim]
        r.check(v["OS-EXT-STS:power_state"] == NOSTATE and v["status"] == "ACTIVE" and v["OS-EXT-STS:vm_state"] == "active",
                f"the running server on {args.host}: power_state 0 (NOSTATE), still ACTIVE/active",
                f"{v['status']}/{v['OS-EXT-STS:vm_state']}/power {v['OS-EXT-STS:power_state']}")
        if stopped:
            x = s[stopped]
            r.check(x["OS-EXT-STS:power_state"] == NOSTATE and x["status"] == "SHUTOFF"
                    and x["OS-EXT-STS:vm_state"] == "stopped",
                    f"the stopped server on {args.host}: power_state 0 (NOSTATE), still SHUTOFF/stopped",
                    f"{x['status']}/{x['OS-EXT-STS:vm_state']}/power {x['OS-EXT-STS:power_state']}")
        c = s[control]
        r.check(c["OS-EXT-STS:power_state"] == RUNNING and c["status"] == "ACTIVE",
                f"the server on {other_host} keeps power_state 1 and ACTIVE",
                f"{c['status']}/power {c['OS-EXT-STS:power_state']}")
        sid = tenant.create_server("while-down", flavor)[0]
        n = tenant.wait_settled([sid], e2e.BUILD_TIMEOUT + 30)[sid]
        r.check(n and n["status"] == "ACTIVE" and n["OS-EXT-SRV-ATTR:host"] != args.host,
                f"a server created while {args.host} is down is ACTIVE on an up host",
                str(n and (n["status"], n["OS-EXT-SRV-ATTR:host"])))

        r.check(e2e.strato_up() == 0, f"deploy/local/strato up started {args.agent} again")
        killed = False
        t_up = e2e.now()
        up = wait(lambda: cloud.services().get(args.host, {}).get("state") == "up"
                  and cloud.hypervisors().get(args.host, {}).get("state") == "up", 60)
        r.check(up, f"{args.host} is up again ({e2e.now() - t_up:.0f}s after the agent was ready)")

        def restored():
            s = tenant.servers()
            ok = s[victim]["OS-EXT-STS:power_state"] == RUNNING and s[victim]["status"] == "ACTIVE"
            if stopped:
                ok = ok and s[stopped]["OS-EXT-STS:power_state"] == SHUTDOWN and s[stopped]["status"] == "SHUTOFF"
            return s if ok else None

        s = wait(restored, 2 * e2e.MONITOR_INTERVAL + 20) or tenant.servers()
        r.check(s[victim]["OS-EXT-STS:power_state"] == RUNNING and s[victim]["status"] == "ACTIVE",
                f"the running server on {args.host} is power_state 1, ACTIVE again ({e2e.now() - t_up:.0f}s)",
                f"{s[victim]['status']}/power {s[victim]['OS-EXT-STS:power_state']}")
        if stopped:
            r.check(s[stopped]["OS-EXT-STS:power_state"] == SHUTDOWN and s[stopped]["status"] == "SHUTOFF",
                    f"the stopped server on {args.host} is power_state 4, SHUTOFF again",
                    f"{s[stopped]['status']}/power {s[stopped]['OS-EXT-STS:power_state']}")
        # the restarted agent really has the domain: stop and start it
        tenant.action(victim, {"os-stop": None})
        x = wait(lambda: (lambda y: y if y["status"] == "SHUTOFF" and not y["OS-EXT-STS:task_state"] else None)(
            tenant.server(victim)), 90)
        r.check(x is not None, f"the server on {args.host} stops after the agent's restart")
        tenant.action(victim, {"os-start": None})
        x = wait(lambda: (lambda y: y if y["status"] == "ACTIVE" and not y["OS-EXT-STS:task_state"]
                          and y["OS-EXT-STS:power_state"] == RUNNING else None)(tenant.server(victim)), 90)
        r.check(x is not None, f"and starts again: ACTIVE, power_state 1")
        tenant.check_consistency(baseline, "after the agent's death and restart")
        left = tenant.delete_servers()
        r.check(not left, "all servers deleted", f"still there: {left[:5]}")
        tenant.check_gone(baseline, vms)
    except Exception as ex:  # noqa: BLE001 - a crash of the test is a failure, and cleanup still runs
        r.fail("the test ran to its end", repr(ex))
    finally:
        if (killed or e2e.pid_of(args.agent) is None) and e2e.cloud_running():
            e2e.log(f"{args.agent} is not running: starting it again")
            e2e.strato_up()
        elif not e2e.cloud_running():
            e2e.log("the cloud was stopped meanwhile (someone else's strato down?): not starting anything")
        tenant.cleanup()
    return r.exit()


if __name__ == "__main__":
    sys.exit(main())
