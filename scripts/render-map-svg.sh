#!/usr/bin/env bash
# Renders `rcpx map ... --format svg` to PNG with a real SVG renderer (rsvg-convert, from Debian's librsvg2-bin,
# installed with apt-get when missing), to look at the vector map the way a browser or a slide shows it.
#
# Usage: scripts/render-map-svg.sh OUT.png [rcpx map arguments...]
#   scripts/render-map-svg.sh screenshots/map-bali.png bali
#   scripts/render-map-svg.sh /tmp/coverage.png --coverage
# Not part of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { echo "usage: scripts/render-map-svg.sh OUT.png [rcpx map arguments...]" >&2; exit 64; }
out="$1"; shift

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "render-map-svg: installing librsvg2-bin" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq librsvg2-bin >&2
fi

swift build >&2
rcpx="$(swift build --show-bin-path)/rcpx"
svg="$(mktemp --suffix=.svg)"
trap 'rm -f "$svg"' EXIT
"$rcpx" map "$@" --format svg > "$svg"
# The SVG must be well-formed XML before it is drawn.
python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$svg"
rsvg-convert --background-color=white -o "$out" "$svg"
echo "render-map-svg: wrote $out" >&2
