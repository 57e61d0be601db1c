#!/usr/bin/env bash
# Two published builds side by side on copies of one benchmark database, interleaved, so a change is compared with
# its base in one run on one machine (these machines are noisy: compare within a run, never across runs).
# The database is one that bench/load.sh's fixtures filled (the 200-comment post and the 10,000-comment post): build it
# once with `bench_start` + `bench_fixture` + `bench_big_post` (bench/app.sh) and pass the file; each round copies it.
# For each build: start-up, then wrk on the 200-comment post and the 10,000-comment post (cached, uncached = signed in,
# and for the short post a commenter's cookie) and the
# API's page 25 of the long thread, with the app's CPU per request from /proc and RSS before and after.
# Usage: bash bench/ab.sh DB APPDIR_A APPDIR_B [rounds=2]   (SECS=10 per row; PORT, PORT+1 for the two builds; needs wrk, jq, sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1; a=$2; b=$3; rounds=${4:-2}; port=${PORT:-5091}
source bench/app.sh
work=$(mktemp -d)
trap '[ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null; rm -rf "$work"' EXIT
run() { # run LABEL APPDIR PORT
  bench_start_copy "$db" "$work" "$1" "$2" "$3"
  bench_signin "$3" # uncached rows read as the signed-in owner
  echo "## $1: start to first page ${startup_ms} ms (CPU ${startup_cpu_ms} ms), RSS $(bench_rss $app_pid) MB"
  local spec mode path out n c0 c1 header
  for spec in "cached /j/bench/posts/two-hundred" "commenter /j/bench/posts/two-hundred" "uncached /j/bench/posts/two-hundred" "cached /j/bench/posts/ten-thousand" \
      "uncached /j/bench/posts/ten-thousand" "uncached /j/bench/posts/ten-thousand?cpage=25" "api /api/v1/journals/bench/posts/ten-thousand/comments?page=25"; do
    read -r mode path <<<"$spec"; header=(); [ "$mode" = uncached ] && header=(-H "$bench_bypass"); [ "$mode" = commenter ] && header=(-H "$bench_commenter")
    wrk -t2 -c16 -d3s "${header[@]}" "http://127.0.0.1:$3$path" >/dev/null
    c0=$(bench_cpu_ms $app_pid)
    out=$(wrk -t2 -c16 -d"${SECS:-10}"s --latency "${header[@]}" "http://127.0.0.1:$3$path")
    c1=$(bench_cpu_ms $app_pid)
    n=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "$1 | $mode $path | $(echo "$out" | awk '/Requests\/sec/ {printf "%s req/s | ", $2} /  50%/ {printf "p50 %s | ", $2} /  99%/ {printf "p99 %s | ", $2} /Non-2xx/ {printf "NON-2XX %s | ", $NF}')CPU/request $(( (c1 - c0) * 1000 / (n > 0 ? n : 1) )) µs | load $(cut -d' ' -f1 /proc/loadavg)"
  done
  echo "$1 | RSS after the rows $(bench_rss $app_pid) MB"
  kill $app_pid; wait $app_pid 2>/dev/null || true; app_pid=
  # A row's NON-2XX is a bug to find: show what the app logged as an error (the log is deleted with $work).
  local errors; errors=$(grep -cE '^(fail|crit):' "$work/$1/app.log" || true)
  if [ "$errors" != 0 ]; then echo "$1 | $errors errors logged; the first:"; grep -A4 -m3 -E '^(fail|crit):' "$work/$1/app.log" | sed "s/^/$1 |   /"; fi
}
# Build B is the newer one: its migrations applied once here, so no round's start row pays for them.
bench_migrated "$db" "$work" "$b" "$port"; db=$work/migrated.db
for round in $(seq 1 "$rounds"); do run A "$a" "$port"; run B "$b" $((port + 1)); done
