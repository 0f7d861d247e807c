#!/usr/bin/env python3
"""Turns rendered Kubernetes manifests (kubectl kustomize) into what `podman kube play` (4.3) can run, on stdout.

Nothing is written by hand: every container, probe, resource, volume and environment variable comes from the
rendered YAML. What changes is only what podman lacks:
  - a Deployment or DaemonSet becomes one Pod (podman 4.3 makes a Deployment's pod "<name>-pod-0" and ignores
    DaemonSets). The Pod takes the name of the Service that selects it, because podman has no Services: a pod is
    reached by its own name through the network's DNS (aardvark-dns), so the pod is named as the Service would be;
  - ConfigMaps and PersistentVolumeClaims pass unchanged (podman makes volumes of the claims, and of the ConfigMaps
    mounted as volumes);
  - a container port without a hostPort is left out: podman 4.3 publishes every containerPort on the host
    (Kubernetes publishes none), which would clash with the host's own services (PostgreSQL, Kafka, deploy/local);
    probes that name a port get its number;
  - Namespace, Service, Ingress, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget are dropped (podman
    has no equivalent); Secrets are never in the manifests (run-local makes podman secrets).
The kinds dropped are listed on stderr.

With --volumes it prints the names of the podman volumes kube play makes (claims and ConfigMaps), for run-local down.
With --probes it prints instead, per pod: its name, its first container's name, and how run-local sees it ready
(the readiness probe: "http PORT PATH", "tcp PORT", "exec COMMAND..." or "none"), from the same manifests.
"""
import sys
import yaml

PASS = {"ConfigMap", "PersistentVolumeClaim"}
WORKLOADS = {"Deployment", "DaemonSet", "StatefulSet"}


def selects(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def main():
    docs = [d for d in yaml.safe_load_all(sys.stdin) if d]
    services = [d for d in docs if d["kind"] == "Service"]
    out, dropped = [], {}
    for d in docs:
        kind = d["kind"]
        if kind in PASS:
            d["metadata"].pop("namespace", None)
            out.append(d)
        elif kind in WORKLOADS:
            template = d["spec"]["template"]
            labels = template["metadata"].get("labels", {})
            names = [s["metadata"]["name"] for s in services if selects(s["spec"].get("selector"), labels)]
            name = names[0] if names else d["metadata"]["name"]
            for c in template["spec"].get("containers", []):
                numbered = {x.get("name"): x["containerPort"] for x in c.get("ports", [])}
                for kind_ in ("livenessProbe", "readinessProbe", "startupProbe"):
                    for how in ("httpGet", "tcpSocket"):
                        probe = c.get(kind_, {}).get(how)
                        if probe and probe.get("port") in numbered:
                            probe["port"] = numbered[probe["port"]]
                c["ports"] = [x for x in c.get("ports", []) if x.get("hostPort")]
                if not c["ports"]:
                    del c["ports"]
            meta = {"name": name, "labels": labels}
            if template["metadata"].get("annotations"):
                meta["annotations"] = template["metadata"]["annotations"]
            out.append({"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": template["spec"]})
        else:
            dropped[kind] = dropped.get(kind, 0) + 1
    if "--volumes" in sys.argv:
        for o in out:
            if o["kind"] == "PersistentVolumeClaim":
                print(o["metadata"]["name"])
            elif o["kind"] == "Pod":
                for v in o["spec"].get("volumes", []):
                    if "configMap" in v:
                        print(v["configMap"]["name"])
        return
    if "--probes" in sys.argv:
        for p in (o for o in out if o["kind"] == "Pod"):
            c = p["spec"]["containers"][0]
            ports = {}
            probe = c.get("readinessProbe", {})
            if "httpGet" in probe:
                port = probe["httpGet"]["port"]
                how = f"http {ports.get(port, port)} {probe['httpGet']['path']}"
            elif "tcpSocket" in probe:
                port = probe["tcpSocket"]["port"]
                how = f"tcp {ports.get(port, port)}"
            elif "exec" in probe:
                how = "exec " + " ".join(probe["exec"]["command"])
            else:
                how = "none"
            print(p["metadata"]["name"], c["name"], how)
        return
    if dropped:
        print("podman kube play cannot run: " + ", ".join(f"{n} {k}" for k, n in sorted(dropped.items())),
              file=sys.stderr)
    yaml.safe_dump_all(out, sys.stdout, sort_keys=False)


if __name__ == "__main__":
    main()
