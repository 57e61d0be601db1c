#!/usr/bin/env bash
# WordPress import at scale: a generated WXR of ~50 MB (1,800 posts in block markup, 20,000 threaded comments,
# bench/wxr-generate.py) uploaded through the API into a fresh journal, the import job followed to its report.
# Prints the upload time, the job's wall time, the app's RSS before and its peak (VmHWM) during the import, and
# the machine's load. Then imports the same file again (idempotent: "nothing new") and measures that too.
# Usage: bash bench/import.sh   (APPDIR=published app to skip the publish; WXR=file to skip the generator; PORT)
# No `set -e`: on a loaded machine one request can time out; the helpers retry or say what failed.
set -uo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5082}
source bench/app.sh
source bench/portability.sh
work=$(mktemp -d)
trap 'status=$?; [ $status = 0 ] || { echo "== failed ($status); the app log ends:"; tail -30 "$work/app.log"; }
  [ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null && wait $app_pid 2>/dev/null; rm -rf "$work"' EXIT
wxr=${WXR:-$work/export.xml}
[ -n "${WXR:-}" ] || python3 bench/wxr-generate.py "$wxr"
echo "== WXR: $(du -m "$wxr" | cut -f1) MB, $(grep -c '<wp:comment>' "$wxr") comments, $(grep -c '<wp:post_type><!\[CDATA\[post' "$wxr") posts"
appdir=${APPDIR:-$work/app}; [ -n "${APPDIR:-}" ] || bench_publish "$appdir"
bench_start "$appdir" "$work" "$port" || exit 1
port_token "$port"
port_journal wp || exit 1
for round in first again; do
  echo "== import ($round) ($(uptime | sed 's/.*load/load/')), RSS before $(bench_rss $app_pid) MB"
  port_peak_reset
  started=$(date +%s%N)
  url=$(port_upload "$wxr" /api/v1/journals/wp/imports)
  echo "   upload answered in $(( ($(date +%s%N) - started) / 1000000 )) ms"
  port_follow "$url" || exit 1
  echo "   $(jq -r .status <<<"$job") in $job_s s after the upload; peak RSS $(port_peak) MB, RSS after $(bench_rss $app_pid) MB"
  echo "   report: $(jq -c '.report | {postsImported, postsAlreadyImported, commentsImported, commentsAlreadyImported, skippedCount, imageCount, error}' <<<"$job")"
done
