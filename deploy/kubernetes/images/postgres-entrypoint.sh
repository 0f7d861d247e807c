#!/bin/sh
# Development PostgreSQL: initialises $PGDATA on first start (password auth for the network, the superuser's
# password from $POSTGRES_PASSWORD), creates each database of $POSTGRES_DATABASES that is missing, then runs
# the server in the foreground on all addresses.
set -eu
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required (a Secret)}"
DATABASES=${POSTGRES_DATABASES:-}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"; chmod 700 "$PGDATA"
  pwfile=$(mktemp); printf '%s' "$POSTGRES_PASSWORD" >"$pwfile"
  initdb -D "$PGDATA" -U postgres --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  echo "host all all 0.0.0.0/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "host all all ::/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
fi
# create the missing databases with the server listening on its socket only
pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -k /var/run/postgresql" -w start >/dev/null
for db in $DATABASES; do
  if [ "$(psql -h /var/run/postgresql -U postgres -qtAc "select 1 from pg_database where datname = '$db'")" != 1 ]; then
    psql -h /var/run/postgresql -U postgres -qc "create database \"$db\"" && echo "postgres: created database $db"
  fi
done
pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
exec postgres -D "$PGDATA" -c listen_addresses='*' -k /var/run/postgresql \
  -c shared_buffers=${POSTGRES_SHARED_BUFFERS:-32MB} -c max_connections=${POSTGRES_MAX_CONNECTIONS:-100}
