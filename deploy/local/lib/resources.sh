# What deploy/local/strato up makes inside the cloud once its services answer, as DevStack does (its
# create_keystone_accounts and create_neutron_initial_network). Sourced, not executed; the strato script defines
# GATEWAY_PORT, admin_password, demo_password and cmd_env, lib/network.sh the physical network and the host veth.
#
#   project demo, user demo (password: $STRATO_DEMO_PASSWORD, else generated once into $STATE/demo-password) with
#     role member on it; cloud strato-demo in $STATE/clouds.yaml (strato env demo prints its OS_* lines)
#   network public (admin project, router:external, flat on physical network "public", not shared) with subnet
#     public-subnet 172.24.4.0/24, gateway 172.24.4.1, pool 172.24.4.2-172.24.4.254, no DHCP; with the network
#     agent, the host is 172.24.4.1 on the veth strato-ex (lib/network.sh)
#   in project demo, made as the demo user: network private with subnet private-subnet 10.0.0.0/26 (DHCP), router
#     router1 with its external gateway on public (SNAT, network-service's default) and an interface on
#     private-subnet; the project's default security group (network-service makes it on the first listing)
#
# Idempotent and quick when warm: each resource is looked up with curl (one token per user, then one GET each) and
# only a missing one is created, with the openstack CLI as a user would. Flavors m1.tiny to m1.xlarge are
# compute-service's own (FlavorBootstrap), so nothing here makes them.

RES_GATEWAY=http://127.0.0.1:$GATEWAY_PORT
DEMO_PROJECT=demo
DEMO_USER=demo
PUBLIC_NET=public
PUBLIC_SUBNET=public-subnet
PUBLIC_CIDR=172.24.4.0/24
PUBLIC_GATEWAY=172.24.4.1
PUBLIC_POOL=start=172.24.4.2,end=172.24.4.254
PRIVATE_NET=private
PRIVATE_SUBNET=private-subnet
PRIVATE_CIDR=10.0.0.0/26
DEMO_ROUTER=router1

# res_token USER PASSWORD PROJECT: a token scoped to PROJECT (domain Default), or nothing when refused. The password
# goes through the environment and stdin, never a command line.
res_token() {
  RES_USER=$1 RES_PASSWORD=$2 RES_PROJECT=$3 python3 -c '
import json, os
print(json.dumps({"auth": {"identity": {"methods": ["password"], "password": {"user": {
    "name": os.environ["RES_USER"], "domain": {"name": "Default"}, "password": os.environ["RES_PASSWORD"]}}},
    "scope": {"project": {"name": os.environ["RES_PROJECT"], "domain": {"name": "Default"}}}}}))' \
  | curl -s -D - -o /dev/null --max-time 30 -H 'Content-Type: application/json' --data @- \
      "$RES_GATEWAY/identity/v3/auth/tokens" | tr -d '\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: //p'
}

# res_find PATH TOKEN EXPR: GET PATH through the gateway and evaluate the Python expression EXPR on its JSON (j);
# prints a list one item a line, None as nothing. Fails (and so stops up) when the GET does.
res_find() {
  local body
  body=$(curl -sf --max-time 30 -H "X-Auth-Token: $2" -H 'Accept: application/json' "$RES_GATEWAY$1") \
    || die "initial resources: GET $1 failed"
  res_json "$3" <<<"$body"
}

# res_json EXPR: EXPR on the JSON document of stdin, printed as res_find does
res_json() {
  python3 -c '
import json, sys
j = json.load(sys.stdin)
r = eval(sys.argv[1])
for x in (r if isinstance(r, list) else [] if r is None else [r]):
    print(x)' "$1"
}

# the openstack CLI as the admin, or as the demo user
as_admin() { (eval "$(cmd_env)" && openstack "$@"); }
as_demo() { (eval "$(cmd_env demo)" && openstack "$@"); }

RES_CREATED=()
# made WHAT: records a creation for the summary line
made() { RES_CREATED+=("$1"); say "  created $1"; }

# initial_resources: finds or makes everything this file's header lists
initial_resources() {
  step "initial resources: project demo, networks public and private, router1"
  RES_CREATED=()
  local admin_tok admin_pid demo_tok
  admin_tok=$(res_token admin "$(admin_password)" admin)
  [ -n "$admin_tok" ] || die "initial resources: the admin gets no token"
  admin_pid=$(res_find "/identity/v3/projects?name=admin&domain_id=default" "$admin_tok" 'j["projects"][0]["id"]')
  demo_accounts "$admin_tok"
  demo_tok=$(res_token "$DEMO_USER" "$(demo_password)" "$DEMO_PROJECT")
  if [ -z "$demo_tok" ]; then
    # the user exists with another password (STRATO_DEMO_PASSWORD changed, or demo-password was removed)
    RES_PASSWORD=$(demo_password) python3 -c '
import json, os; print(json.dumps({"user": {"password": os.environ["RES_PASSWORD"]}}))' \
      | curl -sf -o /dev/null --max-time 30 -X PATCH -H "X-Auth-Token: $admin_tok" -H 'Content-Type: application/json' \
          --data @- "$RES_GATEWAY/identity/v3/users/$RES_DEMO_UID" || die "initial resources: could not set demo's password"
    made "demo's password (the one in $STATE/demo-password)"
    demo_tok=$(res_token "$DEMO_USER" "$(demo_password)" "$DEMO_PROJECT")
    [ -n "$demo_tok" ] || die "initial resources: the demo user gets no token"
  fi
  public_network "$admin_tok" "$admin_pid"
  demo_network "$admin_tok" "$demo_tok"
  if [ ${#RES_CREATED[@]} -eq 0 ]; then
    say "initial resources: all present, nothing created"
  else
    say "initial resources: created ${#RES_CREATED[@]}: $(printf '%s, ' "${RES_CREATED[@]}" | sed 's/, $//')"
  fi
  say "  demo: project $RES_DEMO_PID, user demo (password in $STATE/demo-password), cloud strato-demo in $STATE/clouds.yaml"
  say "  public: network $RES_PUB_NET, subnet $RES_PUB_SUB $PUBLIC_CIDR$(ip link show "$EXT_VETH" >/dev/null 2>&1 \
        && echo ", the host is $EXT_HOST_ADDRESS on $EXT_VETH")"
  say "  private: network $RES_PRIV_NET, subnet $RES_PRIV_SUB $PRIVATE_CIDR, router $RES_ROUTER (gateway on $PUBLIC_NET, interface on $PRIVATE_SUBNET)"
}

# demo_accounts ADMIN_TOKEN: project demo, user demo with role member on it (sets RES_DEMO_PID, RES_DEMO_UID)
demo_accounts() {
  local tok=$1 pid uid rid assigned
  pid=$(res_find "/identity/v3/projects?name=$DEMO_PROJECT&domain_id=default" "$tok" '[p["id"] for p in j["projects"]][:1]')
  if [ -z "$pid" ]; then
    pid=$(as_admin project create --domain default --description "DevStack's demo project (deploy/local/strato up)" \
            -f value -c id "$DEMO_PROJECT") || die "initial resources: openstack project create $DEMO_PROJECT failed"
    made "project $DEMO_PROJECT"
  fi
  uid=$(res_find "/identity/v3/users?name=$DEMO_USER&domain_id=default" "$tok" '[u["id"] for u in j["users"]][:1]')
  if [ -z "$uid" ]; then
    # curl rather than the CLI, so that the password is on no command line
    uid=$(RES_PID=$pid RES_NAME=$DEMO_USER RES_PASSWORD=$(demo_password) python3 -c '
import json, os
print(json.dumps({"user": {"name": os.environ["RES_NAME"], "domain_id": "default", "password": os.environ["RES_PASSWORD"],
                           "default_project_id": os.environ["RES_PID"], "description": "the demo user of project demo"}}))' \
      | curl -sf --max-time 30 -H "X-Auth-Token: $tok" -H 'Content-Type: application/json' --data @- \
          "$RES_GATEWAY/identity/v3/users" | res_json 'j["user"]["id"]') || die "initial resources: could not create user $DEMO_USER"
    made "user $DEMO_USER"
  fi
  rid=$(res_find "/identity/v3/roles?name=member" "$tok" 'j["roles"][0]["id"]')
  assigned=$(res_find "/identity/v3/role_assignments?user.id=$uid&scope.project.id=$pid" "$tok" \
               "[a for a in j['role_assignments'] if a['role']['id'] == '$rid'][:1]")
  if [ -z "$assigned" ]; then
    as_admin role add --project "$pid" --user "$uid" member >/dev/null || die "initial resources: openstack role add failed"
    made "role member of $DEMO_USER on $DEMO_PROJECT"
  fi
  RES_DEMO_PID=$pid
  RES_DEMO_UID=$uid
}

# public_network ADMIN_TOKEN ADMIN_PROJECT_ID: the external network and its subnet (sets RES_PUB_NET, RES_PUB_SUB);
# the host's veth takes the network's MTU
public_network() {
  local tok=$1 admin_pid=$2 found net external sub mtu
  found=$(res_find "/networking/v2.0/networks?name=$PUBLIC_NET&project_id=$admin_pid" "$tok" \
            '[n["id"] + " " + str(n["router:external"]) + " " + str(n["mtu"]) for n in j["networks"]][:1]')
  if [ -n "$found" ]; then
    read -r net external mtu <<<"$found"
    [ "$external" = True ] || die "initial resources: the admin project's network $PUBLIC_NET is not external (router:external false)"
  else
    net=$(as_admin network create --external --provider-network-type flat --provider-physical-network "$PUBLIC_PHYSNET" \
            -f value -c id "$PUBLIC_NET") || die "initial resources: openstack network create $PUBLIC_NET failed"
    made "network $PUBLIC_NET"
    mtu=$(res_find "/networking/v2.0/networks/$net" "$tok" 'j["network"]["mtu"]')
  fi
  sub=$(res_find "/networking/v2.0/subnets?network_id=$net&name=$PUBLIC_SUBNET" "$tok" '[s["id"] for s in j["subnets"]][:1]')
  if [ -z "$sub" ]; then
    sub=$(as_admin subnet create --network "$net" --subnet-range "$PUBLIC_CIDR" --gateway "$PUBLIC_GATEWAY" \
            --allocation-pool "$PUBLIC_POOL" --no-dhcp -f value -c id "$PUBLIC_SUBNET") \
      || die "initial resources: openstack subnet create $PUBLIC_SUBNET failed"
    made "subnet $PUBLIC_SUBNET"
  fi
  external_veth_mtu "$mtu"
  RES_PUB_NET=$net
  RES_PUB_SUB=$sub
}

# demo_network ADMIN_TOKEN DEMO_TOKEN: the demo project's network, subnet, router and default security group, made as
# the demo user (sets RES_PRIV_NET, RES_PRIV_SUB, RES_ROUTER)
demo_network() {
  local tok=$1 demo_tok=$2 pid=$RES_DEMO_PID pub=$RES_PUB_NET net sub found router gw iface groups
  net=$(res_find "/networking/v2.0/networks?name=$PRIVATE_NET&project_id=$pid" "$tok" '[n["id"] for n in j["networks"]][:1]')
  if [ -z "$net" ]; then
    net=$(as_demo network create -f value -c id "$PRIVATE_NET") || die "initial resources: openstack network create $PRIVATE_NET failed"
    made "network $PRIVATE_NET"
  fi
  sub=$(res_find "/networking/v2.0/subnets?network_id=$net&name=$PRIVATE_SUBNET" "$tok" '[s["id"] for s in j["subnets"]][:1]')
  if [ -z "$sub" ]; then
    sub=$(as_demo subnet create --network "$net" --subnet-range "$PRIVATE_CIDR" -f value -c id "$PRIVATE_SUBNET") \
      || die "initial resources: openstack subnet create $PRIVATE_SUBNET failed"
    made "subnet $PRIVATE_SUBNET"
  fi
  found=$(res_find "/networking/v2.0/routers?name=$DEMO_ROUTER&project_id=$pid" "$tok" \
            '[r["id"] + " " + ((r.get("external_gateway_info") or {}).get("network_id") or "-") for r in j["routers"]][:1]')
  if [ -n "$found" ]; then
    read -r router gw <<<"$found"
  else
    router=$(as_demo router create -f value -c id "$DEMO_ROUTER") || die "initial resources: openstack router create $DEMO_ROUTER failed"
    made "router $DEMO_ROUTER"
    gw=-
  fi
  if [ "$gw" = - ]; then
    as_demo router set --external-gateway "$pub" "$router" || die "initial resources: openstack router set --external-gateway failed"
    made "$DEMO_ROUTER's external gateway on $PUBLIC_NET"
  elif [ "$gw" != "$pub" ]; then
    warn "$DEMO_ROUTER's external gateway is on network $gw, not $PUBLIC_NET ($pub): left as it is"
  fi
  iface=$(res_find "/networking/v2.0/ports?device_id=$router&network_id=$net" "$tok" \
            "[p['id'] for p in j['ports'] if any(ip['subnet_id'] == '$sub' for ip in p['fixed_ips'])][:1]")
  if [ -z "$iface" ]; then
    as_demo router add subnet "$router" "$sub" || die "initial resources: openstack router add subnet failed"
    made "$DEMO_ROUTER's interface on $PRIVATE_SUBNET"
  fi
  # network-service makes a project's default group on its first listing
  groups=$(res_find "/networking/v2.0/security-groups?name=default" "$demo_tok" \
             "[g['id'] for g in j['security_groups'] if g['project_id'] == '$pid']")
  [ -n "$groups" ] || die "initial resources: project $DEMO_PROJECT has no default security group"
  RES_PRIV_NET=$net
  RES_PRIV_SUB=$sub
  RES_ROUTER=$router
}
