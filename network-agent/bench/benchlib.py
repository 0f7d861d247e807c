"""What the network agent's benchmarks share: machines made of namespaces, and the agent process of deploy/local."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "e2e"))
from strato_e2e import STATE, STRATO  # noqa: E402

AGENT = "network-agent-real"
TABLE = "strato"


def sh(*cmd, check=True):
    return subprocess.run(cmd, capture_output=True, text=True, check=check)


def machine(i, port, bridge, tag):
    """A namespace standing for a guest: its eth0 is the peer of the port's tap, which sits on the bridge."""
    ns, tap, peer = f"bs{tag}{i}", "tap" + port["id"][:11], f"bp{tag}{i}"
    sh("ip", "netns", "add", ns)
    sh("ip", "link", "add", tap, "type", "veth", "peer", "name", peer)
    sh("ip", "link", "set", peer, "netns", ns)
    sh("ip", "-n", ns, "link", "set", peer, "name", "eth0")
    sh("ip", "-n", ns, "link", "set", "eth0", "address", port["mac_address"], "up")
    sh("ip", "-n", ns, "link", "set", "lo", "up")
    sh("ip", "link", "set", tap, "master", bridge, "up")
    return ns


def agent_pid():
    with open(os.path.join(STATE, AGENT + ".pid")) as f:
        return int(f.read().strip())


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def started_at(pid):
    """The wall-clock time the process started (its /proc start time, in clock ticks after boot)."""
    with open(f"/proc/{pid}/stat") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")


def restart_agent(while_stopped, ready, timeout=600):
    """Stops the agent, runs while_stopped() (e.g. deletes its kernel state), starts it with `strato up` and waits
    for ready(); returns (seconds from `up`, seconds from the agent JVM's start, its RSS in MB)."""
    pid = agent_pid()
    os.kill(pid, 15)
    while os.path.exists(f"/proc/{pid}"):
        time.sleep(0.1)
    while_stopped()
    t0 = time.monotonic()
    starter = subprocess.Popen([STRATO, "up"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not ready():
        if time.monotonic() - t0 > timeout:
            raise SystemExit(f"the agent was not done in {timeout} s")
        time.sleep(0.05)
    took = time.monotonic() - t0
    since_jvm = time.time() - started_at(agent_pid())
    starter.wait()
    time.sleep(2)
    return took, since_jvm, rss_mb(agent_pid())
