#!/usr/bin/env bash
# Backup and restore at scale: a journal of 500 posts, 20,000 threaded comments and 200 photos, built through the
# real import jobs (a generated WXR, then a zip of its uploads folder with 200 PNGs of 1200x900), then
#  - "Download everything" (GET /api/v1/journals/{journal}/export/backup): time, zip size, peak RSS;
#  - the restore of that zip as a new journal (POST /api/v1/journals/restore, the job followed): time, peak RSS.
# Peak RSS is the app's VmHWM, reset before each step. Prints the machine's load with each step.
# Usage: bash bench/backup.sh   (APPDIR=published app to skip the publish; PORT; PHOTOS=0 for a journal without
# photos; WXR=an export made by bench/wxr-generate.py to skip the generator, then without photos)
# No `set -e`: on a loaded machine one request can time out; the helpers retry or say what failed, and the
# script goes on to what it can still measure.
set -uo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5083}
source bench/app.sh
source bench/portability.sh
work=$(mktemp -d)
trap 'status=$?; [ $status = 0 ] || { echo "== failed ($status); the app log ends:"; tail -30 "$work/app.log"; }
  [ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null && wait $app_pid 2>/dev/null; rm -rf "$work"' EXIT
photos=${PHOTOS:-200}; wxr=${WXR:-$work/export.xml}
if [ -n "${WXR:-}" ]; then photos=0
elif [ "$photos" -gt 0 ]; then python3 bench/wxr-generate.py "$wxr" --posts 500 --comments 20000 --photos "$photos" --paragraphs 14 --uploads "$work/uploads.zip"
else python3 bench/wxr-generate.py "$wxr" --posts 500 --comments 20000 --paragraphs 14; fi
echo "== WXR $(du -m "$wxr" | cut -f1) MB$([ "$photos" -gt 0 ] && echo ", uploads zip $(du -m "$work/uploads.zip" | cut -f1) MB")"
appdir=${APPDIR:-$work/app}; [ -n "${APPDIR:-}" ] || bench_publish "$appdir"
bench_start "$appdir" "$work" "$port" || exit 1
port_token "$port"
port_journal big || exit 1
echo "== building the journal ($(uptime | sed 's/.*load/load/'))"
port_follow "$(port_upload "$wxr" /api/v1/journals/big/imports)" || exit 1
echo "   posts and comments imported in $job_s s: $(jq -c '.report | {postsImported, commentsImported}' <<<"$job")"
if [ "$photos" -gt 0 ]; then
  port_follow "$(port_upload "$work/uploads.zip" /api/v1/journals/big/imports/photos)"
  echo "   photos imported in $job_s s: $(jq -c '.report | {photosImported, postsUpdated, error}' <<<"$job")"
fi
sleep 3

echo "== download everything ($(uptime | sed 's/.*load/load/')), RSS before $(bench_rss $app_pid) MB"
port_peak_reset
started=$(date +%s%N)
curl -fs --max-time 1800 "${auth[@]}" -o "$work/backup.zip" "http://127.0.0.1:$port/api/v1/journals/big/export/backup" \
  || { echo "   the download failed or timed out (peak RSS so far $(port_peak) MB)"; exit 1; }
echo "   $(( ($(date +%s%N) - started) / 1000000 )) ms, $(du -m "$work/backup.zip" | cut -f1) MB ($(unzip -l "$work/backup.zip" | tail -1 | awk '{print $2}') entries, journal.json $(unzip -l "$work/backup.zip" journal.json | awk 'NR==4 {printf "%d", $1/1048576}') MB); peak RSS $(port_peak) MB, RSS after $(bench_rss $app_pid) MB"

sleep 3
echo "== restore ($(uptime | sed 's/.*load/load/')), RSS before $(bench_rss $app_pid) MB"
port_peak_reset
started=$(date +%s%N)
url=$(port_upload "$work/backup.zip" /api/v1/journals/restore slug=restored)
echo "   upload answered in $(( ($(date +%s%N) - started) / 1000000 )) ms"
port_follow "$url"
echo "   $(jq -r .status <<<"$job") in $job_s s after the upload; peak RSS $(port_peak) MB, RSS after $(bench_rss $app_pid) MB"
echo "   report: $(jq -c '.report | {restoredSlug, postsImported, commentsImported, photosImported, warnings: (.warnings | length), error}' <<<"$job")"
