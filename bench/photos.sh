#!/usr/bin/env bash
# Photos under load (issue 10): the app (Release, fresh SQLite file) with a public journal "bench" holding 12 photos
# uploaded through the real upload path (POST /api/v1/journals/bench/photos, multipart, so every photo is checked,
# stripped and turned into its variants as a phone upload is), a post showing all 12 as a gallery and the same post
# without photos. wrk then measures, side by side in one run:
#   - one photo's 960 px variant, JPEG and WebP (target >= 3,000 req/s on the 2-core machine);
#   - the gallery post and the post without photos, each "cached" (anonymous, from the page cache) and "uncached"
#     (signed in as the owner: rendered every time).
# Prints the machine's load with each row, the page sizes and RSS after the load; stops the app by its PID.
# The 12 photos (3000 x 2000 PNG, each different) are drawn by python3's standard library, never committed.
# Usage: bash bench/photos.sh [seconds=15] [connections=16]   (APPDIR=published app to skip the publish; PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}; connections=${2:-16}; port=${PORT:-5081}
for tool in wrk python3 jq curl; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y $tool)"; exit 1; }; done
source bench/app.sh
work=$(mktemp -d)
trap '[ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null && wait $app_pid 2>/dev/null; rm -rf "$work"' EXIT
appdir=${APPDIR:-$work/app}; [ -n "${APPDIR:-}" ] || bench_publish "$appdir"

mkdir "$work/photos"
python3 - "$work/photos" <<'PY'
import struct, sys, zlib
# A PNG writer in the standard library: 3000 x 2000 RGB, a gradient and a texture that differ per photo.
W, H = 3000, 2000
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
for n in range(1, 13):
    seed = n * 2654435761 % 2**32
    texture = bytearray()
    for x in range(W):
        seed = (seed * 1103515245 + 12345) % 2**31
        texture += bytes(((x * 255 // W + n * 20 + c * 60 + (seed >> (8 + c)) % 24) % 256 for c in range(3)))
    texture = bytes(texture)
    rows = bytearray()
    for y in range(H):
        shift = (y * 160 // H + n * 7) % 256
        rows += b"\x00" + texture.translate(bytes((v + shift) % 256 for v in range(256)))
    header = struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0)
    with open(f"{sys.argv[1]}/{n:02d}.png", "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b""))
PY

bench_start "$appdir" "$work" "$port"
echo "== start to first page (fresh database: migrations and demo seed included): ${startup_ms} ms"
bench_journal "$port"
bench_signin "$port" # "uncached": the signed-in owner
api="http://127.0.0.1:$port/api/v1/journals/bench"
auth=(-H "Authorization: Bearer $bench_token")
refs=()
upload_started=$(date +%s%N)
for file in "$work"/photos/*.png; do
  name=$(basename "$file" .png)
  added=$(curl -fs "${auth[@]}" "$api/photos" -F "AltText=Ward photo $name" -F "files=@$file;type=image/png" | jq -c '.added[0]')
  refs+=("$(jq -r .markdown <<<"$added")")
  if [ -z "${jpeg960:-}" ]; then
    jpeg960=$(jq -r '.variants[] | select(.width == 960 and .contentType == "image/jpeg") | .url' <<<"$added")
    webp960=$(jq -r '.variants[] | select(.width == 960 and .contentType == "image/webp") | .url' <<<"$added")
  fi
done
echo "== 12 photos uploaded and processed through the API in $(( ($(date +%s%N) - upload_started) / 1000000 )) ms"
text=$(for i in $(seq 1 20); do printf 'Day %d on the ward: counts, fluids, a walk to the window. ' "$i"; done)
gallery=$(printf '%s\n' "${refs[@]}")
post() { # post SLUG MARKDOWN
  curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' "$api/posts" \
    -d "$(jq -n --arg slug "$1" --arg md "$2" '{title:("Bench " + $slug),slug:$slug,markdown:$md,status:"Published"}')"
}
post gallery "$text"$'\n\n'"$gallery"
post no-photos "$text"
[ "$(curl -fs "http://127.0.0.1:$port/j/bench/posts/gallery" | grep -o 'Gallery of 12 photos' | head -1)" = "Gallery of 12 photos" ] \
  || { echo "The gallery post does not show a gallery of 12 photos"; exit 1; }

row() { # row LABEL PATH [HEADER]
  local header=(); [ -n "${3:-}" ] && header=(-H "$3")
  echo "== $1  GET $2 ($(uptime | sed 's/.*load/load/'))"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "${header[@]}" "http://127.0.0.1:$port$2" | grep -E "Requests/sec|Transfer/sec|50%|99%|Non-2xx|Socket errors"
}
for url in "$jpeg960" "$webp960"; do
  # GET, not HEAD: /photos answers GET only.
  echo "== $url: $(curl -fs -o /dev/null -w '%{size_download} bytes, %{content_type}' "http://127.0.0.1:$port$url"), $(curl -fs -o /dev/null -D - "http://127.0.0.1:$port$url" | grep -i '^cache-control' | tr -d '\r')"
  row "960 px variant" "$url"
done
for slug in gallery no-photos; do
  echo "== /j/bench/posts/$slug: $(curl -fs -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/j/bench/posts/$slug") bytes of HTML"
  row "post ($slug) cached" "/j/bench/posts/$slug"
  row "post ($slug) uncached" "/j/bench/posts/$slug" "$bench_bypass"
done
echo "== RSS of the app after the load: $(bench_rss $app_pid) MB"
