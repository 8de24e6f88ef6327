#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on a loopback port for the test suite and print its URL.
# Installs Debian's postgresql first when it is missing. Usage: eval "$(scripts/pg-test-cluster.sh)"
set -euo pipefail
port="${ONRECORD_PG_PORT:-54329}"
dir="${ONRECORD_PG_DIR:-/tmp/onrecord-pg-$port}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  fi
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir" -U postgres -A trust >/dev/null
fi
if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
fi
echo "export ONRECORD_TEST_PG=postgresql://postgres@127.0.0.1:$port/postgres"
