#!/usr/bin/env bash
# Several nodes, side by side in one run: two app processes (Release) on one PostgreSQL database and one Redis
# (output cache store, shared rate limits), nginx balancing between them — the deployment of docs/scaling.md —
# against one of those nodes asked directly. For each: the 200-comment post cached (anonymous) and uncached
# (signed in as the owner), and comment POSTs (bench/comment-post.lua). Prints req/s, latency, the machine's load, the
# apps' CPU per request (what a busy machine hardly changes) and RSS. Stops everything it started.
# Needs: wrk, jq, psql, redis-server, nginx; PostgreSQL on PGHOST (127.0.0.1:5432, role hsct_test as in CI).
# Usage: bash bench/nodes.sh [seconds=10] [connections=16]   (APPDIR=published app; PORT=first of four ports)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; connections=${2:-16}; port=${PORT:-5081}
for tool in wrk jq psql redis-server nginx; do command -v $tool >/dev/null || { echo "$tool is missing"; exit 1; }; done
source bench/app.sh
work=$(mktemp -d); pids=(); database=hsct_bench_nodes_$$
export PGPASSWORD=${PGPASSWORD:-hsct_test}
psql_admin() { psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-hsct_test}" -d postgres -qc "$1" >/dev/null; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql_admin "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT
appdir=${APPDIR:-$work/app}; [ -n "${APPDIR:-}" ] || bench_publish "$appdir"
a=$port; b=$((port + 1)); balancer=$((port + 2)); redis=$((port + 3))

psql_admin "CREATE DATABASE $database"
redis-server --port $redis --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
pids+=($!)
settings=(Database__Provider=Postgres
  "ConnectionStrings__Journals=Host=${PGHOST:-127.0.0.1};Port=5432;Username=${PGUSER:-hsct_test};Password=$PGPASSWORD;Database=$database"
  Cache__Redis=127.0.0.1:$redis Comments__MaxPerEmail=100000 Comments__MaxPerIp=100000 Site__BaseUrl=http://127.0.0.1:$balancer)
mkdir -p "$work/a" "$work/b" "$work/nginx"
bench_start "$appdir" "$work/a" $a "${settings[@]}"; pid_a=$app_pid; pids+=($pid_a) # migrates the database
echo "== node A: start to first page ${startup_ms} ms (fresh database: migrations and demo seed)"
bench_start "$appdir" "$work/b" $b "${settings[@]}"; pid_b=$app_pid; pids+=($pid_b)
echo "== node B: start to first page ${startup_ms} ms (migrated database)"
cat >"$work/nginx/nginx.conf" <<CONF
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream app { server 127.0.0.1:$a; server 127.0.0.1:$b; keepalive 32; }
  server {
    listen 127.0.0.1:$balancer;
    location / {
      proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$http_host;
      proxy_next_upstream error timeout;
    }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -e "$work/nginx/error.log" &
pids+=($!)
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$balancer/" && break; sleep 0.1; done

bench_fixture $balancer
bench_signin $balancer # "uncached": the signed-in owner, on whichever node answers
post=/j/bench/posts/two-hundred
rendered=$(curl -fs "http://127.0.0.1:$balancer/j/bench/posts/writes" | grep -o 'name="Input.Rendered" value="[^"]*"' | sed 's/.*value="//; s/"$//')
sleep "${FILL_SECONDS:-3}" # the form's minimum fill time

cpu_total() { echo $(( $(bench_cpu_ms $pid_a) + $(bench_cpu_ms $pid_b) )); }
# run LABEL URL_BASE wrk-arguments...: one wrk row with the apps' CPU per completed request.
run() {
  local label=$1 base=$2; shift 2
  local before; before=$(cpu_total)
  echo "== $label ($(uptime | sed 's/.*load/load/'))"
  local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" | sed "s#URL#$base#")
  grep -E "Requests/sec|50%|99%|accepted|Non-2xx|Socket errors" <<<"$out" || true
  local requests; requests=$(awk '/requests in/ {print $1}' <<<"$out")
  [ "${requests:-0}" -gt 0 ] && echo "  apps' CPU per request: $(( ($(cpu_total) - before) * 1000 / requests )) µs"
  return 0
}
for target in "one node (A directly)|http://127.0.0.1:$a" "two nodes through nginx|http://127.0.0.1:$balancer"; do
  label=${target%%|*}; base=${target#*|}
  run "$label: GET $post cached" "$base" "$base$post"
  run "$label: GET $post uncached" "$base" -H "$bench_bypass" "$base$post"
  POST_PATH=/j/bench/posts/writes RENDERED=$rendered run "$label: comment POST" "$base" -s bench/comment-post.lua "$base"
done
echo "== RSS after the load: node A $(bench_rss $pid_a) MB, node B $(bench_rss $pid_b) MB"
