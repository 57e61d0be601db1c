#!/usr/bin/env bash
# Load test: the app (Release, SQLite, demo content) on a loopback port, wrk against the read-heavy
# pages, each twice side by side in one run: "cached" as an anonymous reader (served from the page
# cache) and "uncached" with a commenter cookie (bypasses the shared cache, renders every time, like a
# signed-in reader or the first request after a write). Stops by itself.
# Usage: bash bench/load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; connections=${2:-32}; port=${PORT:-5081}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
work=$(mktemp -d)
dotnet publish src/HsctJournals.Web -c Release -o "$work/app" -v quiet -nologo >/dev/null
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl="http://127.0.0.1:$port" Admin__Email=bench@localhost Admin__Password=bench-password-123 \
  ConnectionStrings__Journals="Data Source=$work/bench.db" Logging__LogLevel__Default=Warning \
  dotnet HsctJournals.Web.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done
kill -0 $app 2>/dev/null || { echo "The app did not start:"; tail -40 "$work/app.log"; exit 1; }
post=$(curl -fs "http://127.0.0.1:$port/j/counting-from-zero" | grep -o '/j/counting-from-zero/posts/[a-z0-9-]*' | head -1)
bypass="Cookie: hsct_commenter=bench-bench-bench-bench-bench"
for path in / /j/counting-from-zero "$post" /j/counting-from-zero/feed.rss "/search?q=neutrophils"; do
  curl -fs -o /dev/null "http://127.0.0.1:$port$path" || { echo "== GET $path (not available: skipped)"; continue; }
  echo "== GET $path  cached (anonymous)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx"
  echo "== GET $path  uncached (cookie bypasses the page cache)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$bypass" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx"
done
echo "== RSS of the app after the load: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$app/status)"
