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
  - the Quarkus processes (the containers reading the strato-common ConfigMap) keep a name's addresses for
    DNS_CACHE_SECONDS (JAVA_TOOL_OPTIONS=-Dsun.net.inetaddr.ttl: Quarkus resolves with the JDK, which keeps them 30 s
    by default): podman has no Service address, a name resolves to its pods' own addresses, which change when
    run-local roll replaces a pod (a Kubernetes Service's address never changes);
  - an emptyDir volume is named after its pod (<pod>-<volume>): podman 4.3 makes a named volume of each emptyDir,
    shared by every pod whose emptyDir has that name (all the JVMs' "tmp"), where Kubernetes gives each pod its own;
  - Namespace, Service, Ingress, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget are dropped (podman
    has no equivalent); Secrets are never in the manifests (run-local makes podman secrets).
The kinds dropped are listed on stderr.

With --volumes it prints the names of the podman volumes kube play makes (claims, ConfigMaps, emptyDirs), for run-local
down.
With --probes it prints instead, per pod: its name, its first container's name, and how run-local sees it ready
(the readiness probe: "http PORT PATH", "tcp PORT", "exec COMMAND..." or "none"), from the same manifests.
With --grace POD it prints the pod's terminationGracePeriodSeconds (Kubernetes' default, 30, when unset), and with
--prestop POD the command of its first container's preStop hook (exec), if any: podman 4.3 runs no hooks.
With --replica POD NAME it prints what run-local's roll plays to start a second pod of the same Deployment: the pod
renamed NAME (as a ReplicaSet names its pods), labelled strato.io/replica-of=POD, with the ConfigMaps its environment
reads (and nothing else: the claims and the ConfigMap volumes exist already, and kube play would make them again).
"""
import sys
import yaml

PASS = {"ConfigMap", "PersistentVolumeClaim"}
WORKLOADS = {"Deployment", "DaemonSet", "StatefulSet"}
DNS_CACHE_SECONDS = 2
PODMAN_ENV = [{"name": "JAVA_TOOL_OPTIONS", "value": f"-Dsun.net.inetaddr.ttl={DNS_CACHE_SECONDS}"}]


def selects(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def private_empty_dirs(spec, pod, before=""):
    """Names the pod's emptyDir volumes <pod>-<volume> (before: the pod's previous name, to rename them again)."""
    renamed = {}
    for v in spec.get("volumes") or []:
        if "emptyDir" in v:
            base = v["name"][len(before) + 1:] if before and v["name"].startswith(before + "-") else v["name"]
            renamed[v["name"]] = v["name"] = f"{pod}-{base}"
    for c in spec.get("containers", []) + spec.get("initContainers", []):
        for m in c.get("volumeMounts") or []:
            m["name"] = renamed.get(m["name"], m["name"])


def pod_named(pods, name):
    found = [o for o in pods if o["kind"] == "Pod" and o["metadata"]["name"] == name]
    if not found:
        sys.exit(f"no pod {name} in the manifests")
    return found[0]


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
                if any(ref.get("configMapRef", {}).get("name", "").startswith("strato-common")
                       for ref in c.get("envFrom", [])):
                    c["env"] = (c.get("env") or []) + PODMAN_ENV
                c["ports"] = [x for x in c.get("ports", []) if x.get("hostPort")]
                if not c["ports"]:
                    del c["ports"]
            private_empty_dirs(template["spec"], name)
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
                    elif "emptyDir" in v:
                        print(v["name"])
        return
    if "--grace" in sys.argv:
        pod = pod_named(out, sys.argv[sys.argv.index("--grace") + 1])
        print(pod["spec"].get("terminationGracePeriodSeconds", 30))
        return
    if "--prestop" in sys.argv:
        pod = pod_named(out, sys.argv[sys.argv.index("--prestop") + 1])
        hook = pod["spec"]["containers"][0].get("lifecycle", {}).get("preStop", {}).get("exec", {})
        print(" ".join(hook.get("command", [])))
        return
    if "--replica" in sys.argv:
        i = sys.argv.index("--replica")
        pod, name = pod_named(out, sys.argv[i + 1]), sys.argv[i + 2]
        read = {ref["configMapRef"]["name"] for c in pod["spec"]["containers"] for ref in c.get("envFrom", [])
                if "configMapRef" in ref}
        read |= {e["valueFrom"]["configMapKeyRef"]["name"] for c in pod["spec"]["containers"] for e in c.get("env", [])
                 if "configMapKeyRef" in (e.get("valueFrom") or {})}
        maps = [o for o in out if o["kind"] == "ConfigMap" and o["metadata"]["name"] in read]
        private_empty_dirs(pod["spec"], name, before=pod["metadata"]["name"])
        pod["metadata"]["name"] = name
        pod["metadata"]["labels"] = dict(pod["metadata"].get("labels", {}), **{"strato.io/replica-of": sys.argv[i + 1]})
        yaml.safe_dump_all(maps + [pod], sys.stdout, sort_keys=False)
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
