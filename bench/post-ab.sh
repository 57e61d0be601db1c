#!/usr/bin/env bash
# Comment POSTs of two published builds side by side, interleaved, on copies of one benchmark database (as bench/ab.sh):
# for each build, wrk posts new comments through the form (bench/comment-post.lua) in consecutive 5 s windows from the
# start, so both the warm-up (the JIT's second tier arrives over the first 15-20 s of load) and the steady rate show.
# Each window prints accepted comments per second / the app's CPU per accepted comment in µs.
# Usage: bash bench/post-ab.sh DB APPDIR_A APPDIR_B [rounds=2]   (C=16 clients, WINDOWS=9; PORT, PORT+1 for the builds)
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1; a=$2; b=$3; rounds=${4:-2}; port=${PORT:-5095}; clients=${C:-16}
source bench/app.sh
work=$(mktemp -d)
trap '[ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null; rm -rf "$work"' EXIT
run() { # run LABEL APPDIR PORT
  bench_start_copy "$db" "$work" "$1" "$2" "$3"
  local post=/j/bench/posts/writes rendered line out c0 c1 accepted
  rendered=$(curl -fs "http://127.0.0.1:$3$post" | grep -o 'name="Input.Rendered" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  sleep "${FILL_SECONDS:-3}" # the form's minimum fill time
  line="$1 | $clients client(s) | start ${startup_ms} ms |"
  for _ in $(seq 1 "${WINDOWS:-9}"); do
    c0=$(bench_cpu_ms $app_pid)
    out=$(POST_PATH=$post RENDERED=$rendered wrk -t"$(( clients < 2 ? 1 : 2 ))" -c"$clients" -d5s -s bench/comment-post.lua "http://127.0.0.1:$3")
    c1=$(bench_cpu_ms $app_pid); accepted=$(grep -o 'accepted [0-9]*' <<<"$out" | head -1 | cut -d' ' -f2)
    line="$line $(grep -o 'accepted/s [0-9]*' <<<"$out" | cut -d' ' -f2)/$(( (c1 - c0) * 1000 / (accepted > 0 ? accepted : 1) ))"
  done
  echo "$line | RSS $(bench_rss $app_pid) MB | load $(cut -d' ' -f1 /proc/loadavg)"
  kill $app_pid; wait $app_pid 2>/dev/null || true; app_pid=
}
# Build B is the newer one: its migrations applied once here, so no round starts with them.
bench_migrated "$db" "$work" "$b" "$port"; db=$work/migrated.db
for round in $(seq 1 "$rounds"); do run A "$a" "$port"; run B "$b" $((port + 1)); done
