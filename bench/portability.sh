# Helpers sourced by bench/import.sh and bench/backup.sh (after bench/app.sh): the admin's API token, a journal,
# a job followed to its end, and the app's peak memory over one step.

# port_token PORT: a personal access token for the bench admin, in $token and the curl options in $auth.
port_token() {
  base="http://127.0.0.1:$1/api/v1"
  local try
  for try in 1 2 3 4 5; do
    token=$(curl -fs --max-time 60 "$base/tokens" -H 'Content-Type: application/json' \
      -d '{"email":"bench@example.com","password":"bench-password-123","name":"bench"}' | jq -r '.token // empty') || true
    [ -n "$token" ] && break; sleep 3
  done
  auth=(-H "Authorization: Bearer $token")
}

# port_journal SLUG: a public journal owned by the admin.
port_journal() {
  local try
  for try in 1 2 3; do
    curl -fs --max-time 60 -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' "$base/journals" \
      -d "{\"title\":\"Bench $1\",\"slug\":\"$1\",\"visibility\":\"Public\"}" && return 0
    # A timed-out answer may still have created it: then the journal page is there.
    curl -fs --max-time 60 -o /dev/null "${auth[@]}" "$base/journals/$1" && return 0
    sleep 3
  done
  echo "   the journal $1 could not be created"; return 1
}

# port_peak_reset: the kernel forgets the app's peak resident memory (VmHWM), so the next port_peak is this step's.
port_peak_reset() { echo 5 > "/proc/$app_pid/clear_refs"; }
port_peak() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$app_pid/status"; }

# port_follow URL: polls a job (import or restore) every second until it ends, printing its progress every
# 10 s with the machine's load; the finished job's JSON ends up in $job and its wall time (from the upload's
# answer) in $job_s. A poll that fails or times out (a loaded machine) is tried again: the last answer is kept,
# so one slow request never ends the run.
port_follow() {
  local url=$1 started status answer polls=0
  started=$(date +%s%N); job=""
  if [ -z "$url" ] || [ "$url" = null ]; then echo "   no job to follow (the upload was refused or timed out)"; job_s=0; return 1; fi
  while :; do
    if answer=$(curl -fs --max-time 60 "${auth[@]}" "http://127.0.0.1:$port$url") && [ -n "$answer" ]; then job=$answer; fi
    status=$(jq -r '.status // empty' <<<"$job" 2>/dev/null || true)
    [ -z "$status" ] || [ "$status" = Queued ] || [ "$status" = Running ] || break
    kill -0 "$app_pid" 2>/dev/null || { echo "   the app has stopped"; job_s=0; return 1; }
    if (( polls % 10 == 0 )); then
      echo "   $(( ($(date +%s%N) - started) / 1000000000 )) s: ${status:-no answer yet} $(jq -c '.progress // {}' <<<"$job" 2>/dev/null || true), RSS $(bench_rss $app_pid) MB ($(uptime | sed 's/.*load/load/'))"
    fi
    polls=$((polls + 1))
    sleep 1
  done
  job_s=$(awk "BEGIN {printf \"%.1f\", ($(date +%s%N) - $started) / 1e9}")
}

# port_upload PATH URL FIELD=VALUE...: posts a file as multipart "file" and prints the job's status URL (empty if
# the upload failed: the caller's port_follow says so instead of the script dying under `set -e`).
port_upload() {
  local file=$1 url=$2; shift 2
  local extra=(); for field in "$@"; do extra+=(-F "$field"); done
  { curl -fs --max-time 900 "${auth[@]}" -F "file=@$file" "${extra[@]}" "http://127.0.0.1:$port$url" || true; } \
    | { jq -r '.url // empty' 2>/dev/null || true; } | sed 's|^http://[^/]*||'
}
