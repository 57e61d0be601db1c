#!/usr/bin/env bash
# Comment POST throughput: wrk posts new anonymous comments through the post page's form
# (bench/comment-post.lua) at 1 and at 16 connections, against the app in Release on a fresh SQLite file
# (or PostgreSQL with DB=postgres: HSCT_BENCH_POSTGRES is the connection string of an empty database; unset, the script
# creates a fresh database on PGHOST (127.0.0.1:5432, role hsct_test/hsct_test as in CI) with psql and drops it at the end).
# Prints accepted comments per second, latency percentiles and the machine's load. Stops by itself.
# Usage: bash bench/writes.sh [seconds=10] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; connections=${2:-16}; port=${PORT:-5081}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
source bench/app.sh
work=$(mktemp -d)
pg_created=""
cleanup() {
  [ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null && wait $app_pid 2>/dev/null
  [ -n "$pg_created" ] && PGPASSWORD=${PGPASSWORD:-hsct_test} psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-hsct_test}" -d postgres -qc "DROP DATABASE IF EXISTS $pg_created WITH (FORCE)" >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
appdir=${APPDIR:-$work/app}; [ -n "${APPDIR:-}" ] || bench_publish "$appdir" # APPDIR: an app published earlier
settings=(Comments__MaxPerEmail=1000 Comments__MaxPerIp=1000) # the fixture posts 200 comments as the owner
if [ "${DB:-sqlite}" = postgres ] && [ -z "${HSCT_BENCH_POSTGRES:-}" ]; then
  pg_created=hsct_bench_writes_$$
  PGPASSWORD=${PGPASSWORD:-hsct_test} psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-hsct_test}" -d postgres -qc "CREATE DATABASE $pg_created" >/dev/null
  HSCT_BENCH_POSTGRES="Host=${PGHOST:-127.0.0.1};Port=5432;Username=${PGUSER:-hsct_test};Password=${PGPASSWORD:-hsct_test};Database=$pg_created"
fi
if [ "${DB:-sqlite}" = postgres ]; then settings+=(Database__Provider=Postgres "ConnectionStrings__Journals=$HSCT_BENCH_POSTGRES"); fi
bench_start "$appdir" "$work" "$port" "${settings[@]}"
echo "== ${DB:-sqlite}: start to first page: ${startup_ms} ms"
bench_fixture "$port"
post=/j/bench/posts/writes
rendered=$(curl -fs "http://127.0.0.1:$port$post" | grep -o 'name="Input.Rendered" value="[^"]*"' | sed 's/.*value="//; s/"$//')
sleep "${FILL_SECONDS:-3}" # the form's minimum fill time
for c in 1 "$connections"; do
  echo "== comment POST, $c client(s), ${seconds}s ($(uptime | sed 's/.*load/load/'))"
  cpu_before=$(bench_cpu_ms $app_pid)
  out=$(POST_PATH=$post RENDERED=$rendered wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${seconds}s" --latency -s bench/comment-post.lua "http://127.0.0.1:$port")
  grep -E "Requests/sec|50%|99%|accepted|Socket errors" <<<"$out"
  # The app's CPU time per accepted comment: unlike req/s, it hardly depends on what else the machine is doing.
  accepted=$(grep -o 'accepted [0-9]*' <<<"$out" | head -1 | cut -d' ' -f2)
  if [ "${accepted:-0}" -gt 0 ]; then echo "  app CPU per accepted comment: $(( ($(bench_cpu_ms $app_pid) - cpu_before) * 1000 / accepted )) µs"; fi
done
echo "== RSS after the load: $(bench_rss $app_pid) MB"
