# Helpers sourced by the bench scripts: publish once, start the app (Release, fresh SQLite file) on a
# loopback port and time its start-up, and build the benchmark content through the API.
# Needs: dotnet, curl, jq, wrk.

bench_publish() { # bench_publish DIR
  # As deployed: for the machine's runtime, so ReadyToRun applies (see the web project).
  dotnet publish src/HsctJournals.Web -c Release -r linux-x64 --self-contained false -o "$1" -v quiet -nologo >/dev/null
}

# bench_start APPDIR WORKDIR PORT [NAME=VALUE...]: starts the app in the background (pid in $app_pid) and
# prints the time from launch to the first page in $startup_ms (and the CPU used until then in $startup_cpu_ms, by the main thread in $startup_main_ms). Extra settings are environment variables.
bench_start() {
  local appdir=$1 work=$2 port=$3; shift 3
  local started; started=$(date +%s%N)
  (cd "$appdir" && exec env ASPNETCORE_ENVIRONMENT=Production Site__BaseUrl="http://127.0.0.1:$port" \
    Admin__Email=bench@example.com Admin__Password=bench-password-123 \
    ConnectionStrings__Journals="Data Source=$work/bench.db" Logging__LogLevel__Default=Warning \
    ForwardedHeaders__KnownProxies__0=127.0.0.1 "$@" \
    dotnet HsctJournals.Web.dll --urls "http://127.0.0.1:$port" >>"$work/app.log" 2>&1) &
  app_pid=$!
  # Knock only once something listens: a port in the ephemeral range (32768-60999) polled while nothing listens can
  # be taken by curl's own connection to itself (TCP self-connect), and then the app cannot bind it.
  local deadline=$(( $(date +%s) + ${START_TIMEOUT:-600} ))
  while [ "$(date +%s)" -lt $deadline ]; do
    if ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then curl -fs -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break; fi
    kill -0 $app_pid 2>/dev/null || break
    sleep 0.05
  done
  kill -0 $app_pid 2>/dev/null || { echo "The app did not start:"; tail -40 "$work/app.log"; return 1; }
  startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  # CPU the process used up to its first page (user + system, in clock ticks of 10 ms): what a busy machine does not inflate.
  startup_cpu_ms=$(awk '{print ($14 + $15) * 10}' "/proc/$app_pid/stat")
  # The main thread's share: it carries the start-up's critical path (host, database check, pipeline), decision 0051.
  startup_main_ms=$(awk '{print ($14 + $15) * 10}' "/proc/$app_pid/task/$app_pid/stat")
}

# bench_fixture PORT: a public journal "bench" (as the admin, through the API) with
#  - /j/bench/posts/two-hundred: a ~500-word post with 200 approved comments in 50 threads (each a comment
#    and three nested replies, so all 200 are on the first page of 50 threads);
#  - /j/bench/posts/writes: an empty post the comment-POST runs write to.
# bench_journal PORT: signs the admin in through the API (token in $bench_token) and creates the public journal "bench".
bench_journal() {
  local base="http://127.0.0.1:$1/api/v1"
  bench_token=$(curl -fs "$base/tokens" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-123","name":"bench"}' | jq -r .token)
  curl -fs -o /dev/null -H "Authorization: Bearer $bench_token" -H 'Content-Type: application/json' "$base/journals" \
    -d '{"title":"Bench","slug":"bench","visibility":"Public"}'
}

bench_fixture() {
  local base="http://127.0.0.1:$1/api/v1" words body
  bench_journal "$1"
  local auth=(-H "Authorization: Bearer $bench_token" -H 'Content-Type: application/json')
  words=$(for i in $(seq 1 50); do printf 'Day %d of counts, fluids and waiting for the neutrophils to come back. ' "$i"; done)
  body=$(jq -n --arg md "$words" '{title:"Two hundred comments",slug:"two-hundred",markdown:$md,status:"Published"}')
  curl -fs -o /dev/null "${auth[@]}" "$base/journals/bench/posts" -d "$body"
  curl -fs -o /dev/null "${auth[@]}" "$base/journals/bench/posts" -d '{"title":"Writes","slug":"writes","markdown":"Comment here.","status":"Published"}'
  local comments="$base/journals/bench/posts/two-hundred/comments" parent
  for t in $(seq 1 50); do
    parent=""
    for d in 1 2 3 4; do
      body=$(jq -n --arg text "Thread $t, level $d: sending strength from all of us, and a long enough line of text to look like a real comment." \
        --argjson parent "${parent:-null}" '{text:$text,parentId:$parent}')
      parent=$(curl -fs "${auth[@]}" "$comments" -d "$body" | jq -r .id)
    done
  done
}

# bench_big_post PORT [THREADS=2500]: /j/bench/posts/ten-thousand, a post with THREADS threads of a comment and
# three nested replies (10,000 comments by default; 50 threads, so 200 comments, a page), posted as the admin through
# the API by four clients at once (each thread in order, since a reply needs its parent's id). Needs bench_journal
# first, and Comments__MaxPerEmail above the count. Prints how long it took.
bench_big_post() {
  local base="http://127.0.0.1:$1/api/v1" threads=${2:-2500} started; started=$(date +%s)
  curl -fs -o /dev/null -H "Authorization: Bearer $bench_token" -H 'Content-Type: application/json' "$base/journals/bench/posts" \
    -d '{"title":"Ten thousand comments","slug":"ten-thousand","markdown":"A post with a long conversation under it.","status":"Published"}'
  seq 1 "$threads" | BENCH_URL="$base/journals/bench/posts/ten-thousand/comments" BENCH_TOKEN="$bench_token" xargs -P 4 -n 1 bash -c '
    parent=null
    for d in 1 2 3 4; do
      parent=$(curl -fs -H "Authorization: Bearer $BENCH_TOKEN" -H "Content-Type: application/json" "$BENCH_URL" \
        -d "{\"text\":\"Thread $0, level $d: thinking of you all the way through the long days of the transplant.\",\"parentId\":$parent}" | jq -r .id)
      [ -n "$parent" ] || { echo "comment $0/$d was refused" >&2; exit 255; }
    done'
  echo "== built /j/bench/posts/ten-thousand ($((threads * 4)) comments through the API) in $(( $(date +%s) - started )) s"
}

# A commenter's secret with no comment held or editable: answered from the shared page cache after one indexed
# lookup (decision 0059). Before that decision this was the "uncached" reader.
bench_commenter="Cookie: hsct_commenter=bench-bench-bench-bench-bench"

# bench_signin PORT: signs the admin (the bench journal's owner) in through the login form and sets $bench_bypass to
# the sign-in cookie: a signed-in reader skips the shared page cache, so the page is rendered every time ("uncached").
bench_signin() {
  local base="http://127.0.0.1:$1" jar token; jar=$(mktemp)
  token=$(curl -fs -c "$jar" "$base/Identity/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -b "$jar" -c "$jar" "$base/Identity/Account/Login" --data-urlencode "Input.Email=bench@example.com" \
    --data-urlencode "Input.Password=bench-password-123" --data-urlencode "Input.RememberMe=false" --data-urlencode "__RequestVerificationToken=$token"
  # Every cookie the browser would now send (the sign-in cookie and the device cookie of its session).
  grep -q '\.AspNetCore\.Identity\.Application' "$jar" || { rm -f "$jar"; echo "bench_signin: the admin could not sign in" >&2; return 1; }
  bench_bypass="Cookie: $(awk -F'\t' 'NF == 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")"
  rm -f "$jar"
}

# bench_cpu_ms PID: user + system CPU time the process has used so far, in ms (fields 14 and 15 of /proc/PID/stat, in clock ticks).
bench_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"; }

# bench_rss PID: resident memory in MB.
bench_rss() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# bench_start_copy DB WORK LABEL APPDIR PORT: for the side-by-side scripts (ab.sh, post-ab.sh): starts a build on a fresh
# copy of a benchmark database in WORK/LABEL, with limits no benchmark reaches.
bench_start_copy() {
  local w=$2/$3; rm -rf "$w"; mkdir -p "$w"; cp "$1" "$w/bench.db"
  bench_start "$4" "$w" "$5" Comments__MaxPerEmail=100000 Comments__MaxPerIp=100000
}

# bench_migrated DB WORK APPDIR PORT: a copy of DB in WORK/migrated.db with APPDIR's migrations applied (started once and
# stopped), so that the side-by-side scripts' start rows measure a restart, not a one-off migration of an older file.
bench_migrated() {
  local w=$2/migrate; rm -rf "$w"; mkdir -p "$w"; cp "$1" "$w/bench.db"
  bench_start "$3" "$w" "$4"; kill $app_pid; wait $app_pid 2>/dev/null || true; app_pid=
  sqlite3 "$w/bench.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  cp "$w/bench.db" "$2/migrated.db"; rm -rf "$w"
}
