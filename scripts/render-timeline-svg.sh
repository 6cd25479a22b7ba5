#!/usr/bin/env bash
# Draws `rcpx timeline --format svg` and renders it to screenshots/timeline.png (needs rsvg-convert:
# apt-get install librsvg2-bin). Not part of `swift test`: run it by hand after a change to the time line or
# its SVG, and look at the picture.
#
# Usage: scripts/render-timeline-svg.sh [extra rcpx timeline options, e.g. --from 2001]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "render-timeline-svg: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 1; }
swift build >&2
rcpx="$(swift build --show-bin-path)/rcpx"
svg="$(mktemp --suffix=.svg)"
trap 'rm -f "$svg"' EXIT
"$rcpx" timeline --format svg "$@" >"$svg"
python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$svg"
mkdir -p screenshots
rsvg-convert --background-color=white -o screenshots/timeline.png "$svg"
echo "wrote screenshots/timeline.png" >&2
