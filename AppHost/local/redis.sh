#!/usr/bin/env bash
# Runs this machine's redis-server for the AppHost's local mode, in the foreground, on 127.0.0.1 only.
# Usage: redis.sh DATA_DIR PORT (password in $REDIS_PASSWORD, passed on stdin so it stays out of the process list).
set -euo pipefail
data="$1"
port="$2"
: "${REDIS_PASSWORD:?REDIS_PASSWORD must be set}"
command -v redis-server >/dev/null || { echo "redis-server not found: run ./platform.sh setup" >&2; exit 1; }
mkdir -p "$data"
exec redis-server - --bind 127.0.0.1 --port "$port" --dir "$data" --appendonly yes --protected-mode yes \
  <<<"requirepass $REDIS_PASSWORD"
