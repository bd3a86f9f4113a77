#!/usr/bin/env bash
# Runs this machine's PostgreSQL for the AppHost's local mode, in the foreground, on 127.0.0.1 only.
# Usage: postgres.sh DATA_DIR PORT (password in $POSTGRES_PASSWORD). Creates the cluster on first start.
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user (setpriv keeps one
# process, so the AppHost's stop signal reaches postgres itself).
set -euo pipefail
data="$1"
port="$2"
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  echo "PostgreSQL server binaries not found under /usr/lib/postgresql: run ./platform.sh setup" >&2
  exit 1
fi

run_as_owner=()
mkdir -p "$data"
if [ "$(id -u)" -eq 0 ]; then
  run_as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  chown postgres:postgres "$data"
fi
chmod 700 "$data"

if [ ! -s "$data/PG_VERSION" ]; then
  # No cluster here: anything left is from an initdb that did not finish.
  find "$data" -mindepth 1 -delete
  pwfile=$(mktemp)
  trap 'rm -f "$pwfile"' EXIT
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pwfile"
  "${run_as_owner[@]}" "$bin/initdb" -D "$data" -U hmis --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  trap - EXIT
fi

exec "${run_as_owner[@]}" "$bin/postgres" -D "$data" -p "$port" \
  -c listen_addresses=127.0.0.1 -c unix_socket_directories="$data" -c max_connections=300
