# Helpers sourced by bench/import.sh and bench/backup.sh (after bench/app.sh): the admin's API token, a journal,
# a job followed to its end, and the app's peak memory over one step.

# port_token PORT: a personal access token for the bench admin, in $token and the curl options in $auth.
port_token() {
  base="http://127.0.0.1:$1/api/v1"
  token=$(curl -fs "$base/tokens" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-123","name":"bench"}' | jq -r .token)
  auth=(-H "Authorization: Bearer $token")
}

# port_journal SLUG: a public journal owned by the admin.
port_journal() {
  curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' "$base/journals" \
    -d "{\"title\":\"Bench $1\",\"slug\":\"$1\",\"visibility\":\"Public\"}"
}

# port_peak_reset: the kernel forgets the app's peak resident memory (VmHWM), so the next port_peak is this step's.
port_peak_reset() { echo 5 > "/proc/$app_pid/clear_refs"; }
port_peak() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$app_pid/status"; }

# port_follow URL: polls a job (import or restore) every second until it ends, printing its progress every
# 10 s with the machine's load; the finished job's JSON ends up in $job and its wall time (from the upload's
# answer) in $job_s.
port_follow() {
  local url=$1 started status polls=0
  started=$(date +%s%N)
  while :; do
    job=$(curl -fs "${auth[@]}" "http://127.0.0.1:$port$url")
    status=$(jq -r .status <<<"$job")
    [ "$status" = Queued ] || [ "$status" = Running ] || break
    if (( polls % 10 == 0 )); then
      echo "   $(( ($(date +%s%N) - started) / 1000000000 )) s: $status $(jq -c '.progress // {}' <<<"$job"), RSS $(bench_rss $app_pid) MB ($(uptime | sed 's/.*load/load/'))"
    fi
    polls=$((polls + 1))
    sleep 1
  done
  job_s=$(awk "BEGIN {printf \"%.1f\", ($(date +%s%N) - $started) / 1e9}")
}

# port_upload PATH URL FIELD=VALUE...: posts a file as multipart "file" and prints the job's status URL.
port_upload() {
  local file=$1 url=$2; shift 2
  local extra=(); for field in "$@"; do extra+=(-F "$field"); done
  curl -fs "${auth[@]}" -F "file=@$file" "${extra[@]}" "http://127.0.0.1:$port$url" | jq -r .url | sed 's|^http://[^/]*||'
}
