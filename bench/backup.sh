#!/usr/bin/env bash
# Backup and restore at scale: a journal of 500 posts, 20,000 threaded comments and 200 photos, built through the
# real import jobs (a generated WXR, then a zip of its uploads folder with 200 PNGs of 1600x1200), then
#  - "Download everything" (GET /api/v1/journals/{journal}/export/backup): time, zip size, peak RSS;
#  - the restore of that zip as a new journal (POST /api/v1/journals/restore, the job followed): time, peak RSS.
# Peak RSS is the app's VmHWM, reset before each step. Prints the machine's load with each step.
# Usage: bash bench/backup.sh   (APPDIR=published app to skip the publish; PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5083}
source bench/app.sh
source bench/portability.sh
work=$(mktemp -d)
trap '[ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null && wait $app_pid 2>/dev/null; rm -rf "$work"' EXIT
python3 bench/wxr-generate.py "$work/export.xml" --posts 500 --comments 20000 --photos 200 --paragraphs 14 --uploads "$work/uploads.zip"
echo "== WXR $(du -m "$work/export.xml" | cut -f1) MB, uploads zip $(du -m "$work/uploads.zip" | cut -f1) MB"
appdir=${APPDIR:-$work/app}; [ -n "${APPDIR:-}" ] || bench_publish "$appdir"
bench_start "$appdir" "$work" "$port"
port_token "$port"
port_journal big
echo "== building the journal ($(uptime | sed 's/.*load/load/'))"
port_follow "$(port_upload "$work/export.xml" /api/v1/journals/big/imports)"
echo "   posts and comments imported in $job_s s: $(jq -c '.report | {postsImported, commentsImported}' <<<"$job")"
port_follow "$(port_upload "$work/uploads.zip" /api/v1/journals/big/imports/photos)"
echo "   photos imported in $job_s s: $(jq -c '.report | {photosImported, postsUpdated, error}' <<<"$job")"

echo "== download everything ($(uptime | sed 's/.*load/load/')), RSS before $(bench_rss $app_pid) MB"
port_peak_reset
started=$(date +%s%N)
curl -fs "${auth[@]}" -o "$work/backup.zip" "http://127.0.0.1:$port/api/v1/journals/big/export/backup"
echo "   $(( ($(date +%s%N) - started) / 1000000 )) ms, $(du -m "$work/backup.zip" | cut -f1) MB ($(unzip -l "$work/backup.zip" | tail -1 | awk '{print $2}') entries, journal.json $(unzip -l "$work/backup.zip" journal.json | awk 'NR==4 {printf "%d", $1/1048576}') MB); peak RSS $(port_peak) MB, RSS after $(bench_rss $app_pid) MB"

echo "== restore ($(uptime | sed 's/.*load/load/')), RSS before $(bench_rss $app_pid) MB"
port_peak_reset
started=$(date +%s%N)
url=$(port_upload "$work/backup.zip" /api/v1/journals/restore slug=restored)
echo "   upload answered in $(( ($(date +%s%N) - started) / 1000000 )) ms"
port_follow "$url"
echo "   $(jq -r .status <<<"$job") in $job_s s after the upload; peak RSS $(port_peak) MB, RSS after $(bench_rss $app_pid) MB"
echo "   report: $(jq -c '.report | {restoredSlug, postsImported, commentsImported, photosImported, warnings: (.warnings | length), error}' <<<"$job")"
