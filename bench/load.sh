#!/usr/bin/env bash
# Read load: the app (Release, fresh SQLite file) with the benchmark journal of bench/app.sh (a post with 200
# threaded comments, built through the API) and the demo content; wrk against the read-heavy pages, each twice
# side by side in one run: "cached" as an anonymous reader (served from the page cache), "commenter" with a
# commenter's cookie that has nothing held or editable (the cache after one lookup, decision 0059) and "uncached"
# signed in as the journal's owner (skips the shared cache and renders every time, like the first request after
# a write). Prints start-up time, the machine's load with each row and RSS after the load.
# Also a post with 10,000 comments (50 threads, 200 comments, a page): its first page and page 25. BIG_THREADS=0 skips it.
# Usage: bash bench/load.sh [seconds=10] [connections=16]   (APPDIR=published app to skip the publish; PORT; BIG_THREADS)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; connections=${2:-16}; port=${PORT:-5081}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
source bench/app.sh
work=$(mktemp -d)
trap '[ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null && wait $app_pid 2>/dev/null; rm -rf "$work"' EXIT
appdir=${APPDIR:-$work/app}; [ -n "${APPDIR:-}" ] || bench_publish "$appdir"
# The fixtures post 200 + 10,000 comments as the owner.
bench_start "$appdir" "$work" "$port" Comments__MaxPerEmail=100000 Comments__MaxPerIp=1000
echo "== start to first page (fresh database: migrations and demo seed included): ${startup_ms} ms"
bench_fixture "$port"
bench_signin "$port" # "uncached": the signed-in owner, whose page is never the shared one
big=/j/bench/posts/ten-thousand
if [ "${BIG_THREADS:-2500}" -gt 0 ]; then bench_big_post "$port" "${BIG_THREADS:-2500}"; else big=; fi
for path in / /j/bench /j/bench/posts/two-hundred ${big:+$big "$big?cpage=25"} /j/bench/feed.rss "/search?q=neutrophils"; do
  curl -fs -o /dev/null "http://127.0.0.1:$port$path" || { echo "== GET $path (not available: skipped)"; continue; }
  for mode in cached commenter uncached; do
    header=(); [ $mode = uncached ] && header=(-H "$bench_bypass"); [ $mode = commenter ] && header=(-H "$bench_commenter")
    echo "== GET $path  $mode ($(uptime | sed 's/.*load/load/'))"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency "${header[@]}" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|50%|99%|Non-2xx"
  done
done
echo "== RSS of the app after the load: $(bench_rss $app_pid) MB"
