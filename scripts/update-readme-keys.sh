#!/usr/bin/env bash
# Rewrites the keys table in README.md (between <!-- keys:begin --> and <!-- keys:end -->) from the explorer's
# key-binding table, as `rcpx keys --format markdown` prints it. Tests/RCPXTests/DocsTests.swift fails when the
# two differ, so run this after changing Sources/RCPUI/KeyBindings.swift.
#
# Usage: scripts/update-readme-keys.sh            (builds rcpx with `swift run`)
#        RCPX=path/to/rcpx scripts/update-readme-keys.sh
set -euo pipefail
cd "$(dirname "$0")/.."

table="$(mktemp)"
trap 'rm -f "$table" README.md.tmp' EXIT
if [ -n "${RCPX:-}" ]; then
  NO_COLOR=1 "$RCPX" keys --format markdown > "$table"
else
  NO_COLOR=1 swift run -q rcpx keys --format markdown > "$table"
fi
[ -s "$table" ] || { echo "update-readme-keys: rcpx printed no table" >&2; exit 1; }
grep -q '^<!-- keys:begin -->$' README.md && grep -q '^<!-- keys:end -->$' README.md || {
  echo "update-readme-keys: README.md has no <!-- keys:begin --> / <!-- keys:end --> lines" >&2; exit 1; }

awk -v table="$table" '
  /^<!-- keys:begin -->$/ { print; while ((getline line < table) > 0) print line; skipping = 1; next }
  /^<!-- keys:end -->$/ { skipping = 0 }
  !skipping { print }
' README.md > README.md.tmp
if cmp -s README.md README.md.tmp; then
  echo "update-readme-keys: README.md is up to date" >&2
else
  mv README.md.tmp README.md
  echo "update-readme-keys: README.md keys table updated" >&2
fi
