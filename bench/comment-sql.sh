#!/usr/bin/env bash
# SQL statements per accepted comment POST, the request's and the background sender's together (EF's command log),
# at C clients: a count that, unlike req/s and CPU time, does not depend on what else the machine runs.
#   APPDIR=/tmp/app DB=/tmp/bench.db [C=16] [PORT=43102] bash bench/comment-sql.sh
# APPDIR: an app published with `source bench/app.sh; bench_publish DIR`; DB: a SQLite file with bench_fixture's
# journal "bench" (post /j/bench/posts/writes), e.g. one bench/load.sh built. The file is copied, never written.
set -e
cd "$(dirname "$0")/.."; source bench/app.sh
port=${PORT:-43102}; c=${C:-16}
w=$(mktemp -d); cp "$DB" "$w/bench.db"
bench_start "$APPDIR" "$w" "$port" Comments__MaxPerEmail=100000 Comments__MaxPerIp=1000 \
  Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information
post=/j/bench/posts/writes
rendered=$(curl -fs "http://127.0.0.1:$port$post" | grep -o 'name="Input.Rendered" value="[^"]*"' | sed 's/.*value="//; s/"$//')
sleep 3 # the form's fill time
POST_PATH=$post RENDERED=$rendered wrk -t1 -c"$c" -d3s -s bench/comment-post.lua "http://127.0.0.1:$port" >/dev/null
sleep 7 # the sender's poll: what the warm-up queued is sent before counting starts
n0=$(grep -c "Executed DbCommand" "$w/app.log" || true)
out=$(POST_PATH=$post RENDERED=$rendered wrk -t1 -c"$c" -d5s -s bench/comment-post.lua "http://127.0.0.1:$port")
sleep 7
n1=$(grep -c "Executed DbCommand" "$w/app.log" || true)
accepted=$(grep -o 'accepted [0-9]*' <<<"$out" | head -1 | cut -d' ' -f2)
echo "C=$c: $accepted accepted, $((n1 - n0)) statements, $(awk "BEGIN {printf \"%.1f\", ($n1 - $n0) / $accepted}") a comment"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
rm -rf "$w"
