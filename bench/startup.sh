#!/usr/bin/env bash
# Start-up and memory: time from launching the app (Release, SQLite) to its first page, on a fresh database
# (migrations and demo seed) and then three restarts on the same database (nothing to migrate), with RSS when idle.
# Extra NAME=VALUE arguments go to the app's environment, e.g. DOTNET_gcServer=0 or DOTNET_GCConserveMemory=5.
# Usage: bash bench/startup.sh [NAME=VALUE...]   (APPDIR=published app to skip the publish; PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5081}
source bench/app.sh
work=$(mktemp -d)
trap '[ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null && wait $app_pid 2>/dev/null; rm -rf "$work"' EXIT
appdir=${APPDIR:-$work/app}; [ -n "${APPDIR:-}" ] || bench_publish "$appdir"
for run in fresh restart restart restart; do
  bench_start "$appdir" "$work" "$port" "$@"
  sleep 1
  echo "== $run: start to first page ${startup_ms} ms (CPU ${startup_cpu_ms} ms, main thread ${startup_main_ms} ms), RSS $(bench_rss $app_pid) MB ($(uptime | sed 's/.*load/load/'))"
  kill $app_pid; wait $app_pid 2>/dev/null || true; app_pid=
done
