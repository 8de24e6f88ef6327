#!/usr/bin/env bash
# Load check: the search endpoint of `onrecord serve` with 100k stored quotations, wrk on loopback,
# bounded to 20 s, two server processes. Prints requests/s, the p99 latency and any errors. Needs wrk.
#   bash benchmarks/load.sh            (LOAD_DB, LOAD_QUOTATIONS, LOAD_PORT, LOAD_SECONDS to change)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
db="${LOAD_DB:-/tmp/onrecord-load.db}"
quotations="${LOAD_QUOTATIONS:-100000}"
port="${LOAD_PORT:-8799}"
seconds="${LOAD_SECONDS:-20}"
if [ ! -f "$db" ]; then
  echo "filling $db with $quotations quotations (once)"
  .venv/bin/python benchmarks/store.py --quotations "$quotations" --sqlite "$db"
fi
.venv/bin/onrecord serve --db "$db" --port "$port" --workers "${LOAD_WORKERS:-2}" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || { echo "the server did not start"; exit 1; }
count=$(curl -sf "http://127.0.0.1:$port/api/quotations?per_page=1" >/dev/null && sqlite3 "$db" 'select count(*) from quotations' 2>/dev/null || echo "$quotations")
echo "archive: $count quotations; wrk -t2 -c32 -d${seconds}s"
out=$(timeout $((seconds + 30)) wrk -t2 -c32 -d"${seconds}s" --timeout 5s --latency -s benchmarks/search.lua "http://127.0.0.1:$port")
echo "$out"
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
errors=$(echo "$out" | awk '/Non-2xx/ {print $NF} /Socket errors/ {print}' | tr '\n' ' ')
echo "search endpoint: ${rps} req/s, p99 ${p99}, errors: ${errors:-none}"
