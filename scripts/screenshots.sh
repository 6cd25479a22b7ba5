#!/usr/bin/env bash
# Makes the pictures in screenshots/ from real runs of rcpx.
#
# Usage: scripts/screenshots.sh [--text-only] [--out DIR] [--binary PATH] [--only NAME[,NAME...]] [--list]
#
# Builds rcpx (release; or uses --binary), runs it in tmux at fixed sizes with LANG=C.UTF-8, TERM=tmux-256color
# and a temporary XDG_DATA_HOME (holding a checklist whose statuses are set with `rcpx checklist set`), sends
# keys, captures each screen with its colours and attributes (`tmux capture-pane -p -e -N`) and renders it to
# DIR/NAME.png with scripts/render-screenshot.py (Pillow and DejaVu Sans Mono, installed from Debian's packages
# or PyPI when missing). Same code, same pictures: fixed sizes, fixed font size, fixed checklist timestamps, no
# dates in the pictures.
#
# --text-only  writes DIR/NAME.txt (the screen as plain text) instead of PNGs; needs neither Pillow nor the
#              font. Without it, a missing renderer that cannot be installed is an error (exit 1), never skipped
#              silently.
# --out DIR    where to write (default: screenshots/ at the top of the repository).
# --binary P   use this rcpx instead of building one.
# --only LIST  make only these pictures (names as below, without .png).
# --list       print the names of the pictures it makes, one a line (read from the `if wanted NAME` blocks
#              below), and exit: needs neither tmux nor a build.
#
# The whole run takes about 5 minutes; `swift test` runs only `--list` and one or two screens (DocsTests).
#
# Needs tmux (installed with apt-get when missing and run as root). Uses its own tmux server (-L), so it does
# not touch yours.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/screenshots"
text_only=0
binary=""
only=""

while [ $# -gt 0 ]; do
  case "$1" in
    --text-only) text_only=1 ;;
    --out) out="$2"; shift ;;
    --out=*) out="${1#--out=}" ;;
    --binary) binary="$2"; shift ;;
    --binary=*) binary="${1#--binary=}" ;;
    --only) only="$2"; shift ;;
    --only=*) only="${1#--only=}" ;;
    --list) sed -n 's/^if wanted \([a-z0-9-]*\); then.*$/\1/p' "$0"; exit 0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "screenshots: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
  shift
done

say() { echo "screenshots: $*" >&2; }
die() { echo "" >&2; echo "screenshots: ERROR: $*" >&2; exit 1; }

as_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  command -v apt-get >/dev/null 2>&1 && as_root || return 1
  say "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 && return 0
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

# ---- tmux ----------------------------------------------------------------------------------------------------
if ! command -v tmux >/dev/null 2>&1; then
  apt_install tmux || die "tmux is not installed and could not be installed (apt-get install tmux)."
fi

# ---- The renderer: a Python 3 with Pillow, and DejaVu Sans Mono ------------------------------------------------
renderer="$here/render-screenshot.py"
python=""
find_python() {
  local p
  # Debian's python3 first: its python3-pil is one fixed Pillow, so the pictures do not change with pip.
  for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" "$renderer" --check >/dev/null 2>&1; then python="$p"; return 0; fi
  done
  return 1
}
if [ "$text_only" = 0 ]; then
  if ! find_python; then
    apt_install fonts-dejavu-core python3-pil || true
    find_python || {
      # No apt (or not root): Pillow from PyPI for the python3 on PATH; the font still has to be there.
      if command -v python3 >/dev/null 2>&1; then
        say "installing Pillow with pip"
        python3 -m pip install --quiet --user pillow >/dev/null 2>&1 || python3 -m pip install --quiet pillow >/dev/null 2>&1 || true
      fi
      find_python || {
        for p in /usr/bin/python3 python3; do command -v "$p" >/dev/null 2>&1 && "$p" "$renderer" --check || true; done
        die "cannot render PNGs: Pillow or the DejaVu Sans Mono font is missing and could not be installed.
  Install them (Debian: apt-get install fonts-dejavu-core python3-pil; or pip install pillow), or run with
  --text-only to write the screens as text."
      }
    }
  fi
fi

# ---- rcpx ------------------------------------------------------------------------------------------------------
if [ -z "$binary" ]; then
  say "building rcpx (release)"
  scratch="${RCPX_SCRATCH_PATH:-$root/.build}"
  (cd "$root" && swift build -c release --product rcpx --scratch-path "$scratch" >&2)
  binary="$(cd "$root" && swift build -c release --scratch-path "$scratch" --show-bin-path)/rcpx"
fi
[ -x "$binary" ] || die "no rcpx binary at $binary"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"

mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/rcpx-screenshots.XXXXXX")"
sock="rcpx-screenshots-$$"
cleanup() {
  tmux -L "$sock" kill-server >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

data="$work/data"
mkdir -p "$data"

# ---- A checklist with statuses, set the way a script would ------------------------------------------------------
checklist="Ghana 2026 workshop"
rc() { env -u RCPX_DATA_HOME XDG_DATA_HOME="$data" LANG=C.UTF-8 "$binary" "$@"; }
rc checklist new "$checklist" >/dev/null
rc checklist set "$checklist" 1 in-place --note "ECOWAS protocol on free movement applied" >/dev/null
rc checklist set "$checklist" 1.1 in-place >/dev/null
rc checklist set "$checklist" 1.2 in-progress --note "Bilateral labour agreements under review" >/dev/null
rc checklist set "$checklist" 2 in-progress --note "National migration policy before cabinet" >/dev/null
rc checklist set "$checklist" 3 in-progress >/dev/null
rc checklist set "$checklist" 3.1 in-place >/dev/null
rc checklist set "$checklist" 3.2 in-progress --note "New border posts at Aflao and Elubo" >/dev/null
rc checklist set "$checklist" 5 not-in-place --note "No labour attaché yet" >/dev/null
rc checklist set "$checklist" 6 in-progress >/dev/null
rc checklist set "$checklist" 6.1 in-place --note "Human Trafficking Act in force" >/dev/null
rc checklist set "$checklist" 6.2 in-progress --note "Shelter MoU drafted" >/dev/null
rc checklist set "$checklist" 14 not-applicable >/dev/null
# Pin the time stamps, so that nothing in a picture depends on when it was made.
for f in "$data"/rcpx/checklists/*.json; do
  sed -E -i 's/"(created|updated)": "[0-9T:Z-]+"/"\1": "2026-03-14T09:30:00Z"/' "$f"
done

# ---- Driving rcpx in tmux ----------------------------------------------------------------------------------------
conf="$work/tmux.conf"
cat > "$conf" <<'EOF'
set -s exit-empty off
set -g status off
set -g default-terminal tmux-256color
set -g remain-on-exit on
set -g history-limit 0
EOF
T() { tmux -L "$sock" -f "$conf" "$@"; }
T start-server
session=""
shots=0
width=0
height=0

# start W H [VAR=VALUE ...] [-- ARGS...]: rcpx in a new W×H session with the environment given.
start() {
  width="$1"; height="$2"; shift 2
  local envs=() args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  args=("$@")
  shots=$((shots + 1)); session="shot$shots"
  local cmd
  cmd="exec env -u NO_COLOR -u RCPX_DATA_HOME -u COLORTERM -u LC_ALL LANG=C.UTF-8 XDG_DATA_HOME=$(printf %q "$data")"
  local e a
  for e in "${envs[@]+"${envs[@]}"}"; do cmd+=" $(printf %q "$e")"; done
  cmd+=" $(printf %q "$binary")"
  for a in "${args[@]+"${args[@]}"}"; do cmd+=" $(printf %q "$a")"; done
  T new-session -d -s "$session" -x "$width" -y "$height" "$cmd"
  wait_for "rcpx"
}

stop() { T kill-session -t "$session" >/dev/null 2>&1 || true; }

keys() { T send-keys -t "$session" "$@"; sleep 0.15; }
type_text() { T send-keys -t "$session" -l "$1"; sleep 0.15; }
screen() { T capture-pane -p -t "$session"; }

# wait_for TEXT: until the screen shows TEXT ($SCREENSHOTS_TIMEOUT seconds at most, default 10), then until it
# stops changing.
wait_for() {
  local i
  for i in $(seq 1 $(( ${SCREENSHOTS_TIMEOUT:-10} * 10 ))); do
    if screen | grep -qF -- "$1"; then settle; return 0; fi
    if [ "$(T display-message -p -t "$session" '#{pane_dead}')" = 1 ]; then
      screen >&2; die "rcpx exited while waiting for \"$1\""
    fi
    sleep 0.1
  done
  screen >&2
  die "timed out waiting for \"$1\" on the screen above (session $session)"
}

settle() {
  local a b i
  a="$(T capture-pane -p -e -t "$session")"
  for i in $(seq 1 30); do
    sleep 0.2
    b="$(T capture-pane -p -e -t "$session")"
    [ "$a" = "$b" ] && return 0
    a="$b"
  done
}

wanted() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }

made=()
# capture NAME: the screen as DIR/NAME.png (or DIR/NAME.txt with --text-only).
capture() {
  local name="$1"
  settle
  if [ "$text_only" = 1 ]; then
    screen > "$out/$name.txt"
    made+=("$name.txt")
  else
    T capture-pane -p -e -N -t "$session" > "$work/$name.ansi"
    "$python" "$renderer" "$work/$name.ansi" "$out/$name.png" --cols "$width" --rows "$height"
    made+=("$name.png")
  fi
  say "$name (${width}x${height})"
}

# ---- The pictures -------------------------------------------------------------------------------------------------

# The four panes at 132×43: region tree, detail card (the overview), membership matrix, practice checklist.
if wanted overview-132x43; then
  start 132 43
  wait_for "Matrix"
  capture overview-132x43
  stop
fi

# A laptop terminal, 80×24: two panes (tree and card) with pane tabs; the Budapest Process selected.
if wanted layout-80x24; then
  start 80 24
  keys j j
  wait_for "Budapest Process"
  capture layout-80x24
  stop
fi

# The region tree with the Bali Process selected and its card beside it.
if wanted tree-bali-132x43; then
  start 132 43
  keys /; type_text "bali"; keys Enter Escape; keys 1   # apart: Esc and 1 in one write are Alt-1
  wait_for "Bali Ministerial Conference"
  capture tree-bali-132x43
  stop
fi

# A state card: every process Australia takes part in, with its roles.
if wanted state-australia-132x43; then
  start 132 43
  keys /; type_text "australia"; keys Enter Escape; keys 2
  wait_for "State: Australia"
  capture state-australia-132x43
  stop
fi

# The membership matrix: the cursor on Australia × Bali (crosshair on its row and column), the legend, the card.
if wanted matrix-132x43; then
  start 132 43
  keys 3 j j j j j j l l l l l l l l l l l
  wait_for "Australia × 12"
  capture matrix-132x43
  stop
fi

# A live search, typed but not yet confirmed: "traff" with its hits and highlights.
if wanted search-traff-132x43; then
  start 132 43
  keys /; type_text "traff"
  wait_for "Hits"
  capture search-traff-132x43
  stop
fi

# The help overlay: every key, from the key-binding table.
if wanted help-132x43; then
  start 132 43
  keys "?"
  wait_for "type to narrow"
  capture help-132x43
  stop
fi

# The practice checklist of a workshop, with statuses, notes and progress; heading 6 open.
if wanted checklist-132x43; then
  start 132 43 -- --checklist "$checklist"
  keys 4 j j j j j l
  wait_for "6.1"
  capture checklist-132x43
  stop
fi

# Presentation mode (p) for a projector: the checklist full screen, large spacing, the high-contrast theme.
if wanted presentation-132x43; then
  start 132 43 -- --checklist "$checklist"
  keys 4 j j j j j l p
  wait_for "6.1"
  capture presentation-132x43
  stop
fi

# NO_COLOR: no colour at all; selection, matches and roles still differ by attributes and glyphs.
if wanted no-color-132x43; then
  start 132 43 NO_COLOR=1
  keys /; type_text "turkey"; keys Enter
  wait_for "State: Turkey"
  capture no-color-132x43
  stop
fi

# --ascii at 80×24: ASCII lines, glyphs and transliterated names, for terminals without UTF-8.
if wanted ascii-80x24; then
  start 80 24 -- --ascii
  wait_for "Regions"
  capture ascii-80x24
  stop
fi

# The world map (5) of the Bali Process: participants by role, each with its own dot pattern, and the legend.
if wanted map-bali-132x43; then
  start 132 43
  keys /; type_text "bali process"; keys Enter
  wait_for "Bali Ministerial"
  keys 5
  wait_for "Map: Bali"
  capture map-bali-132x43
  stop
fi

# The time line (6): every dated record, a lane per region; opening the Bali Process marks 2002.
if wanted timeline-132x43; then
  start 132 43
  keys /; type_text "bali process"; keys Enter
  wait_for "Bali Ministerial"
  keys 6
  wait_for "Time line"
  capture timeline-132x43
  stop
fi

# Three processes marked (x) and compared side by side (C).
if wanted compare-132x43; then
  start 132 43
  for name in bali apc colombo; do keys "'"; type_text "$name"; keys Enter; keys x; done
  wait_for "Marked: Bali, APC, Colombo"
  keys C
  wait_for "Compare:"
  capture compare-132x43
  stop
fi

# Presentation mode's slides about the Bali Process (p, then PgDn for each): the landscape, its region, the
# process with its 40 members in columns, its map, the checklist; each with its legend and a footer naming the
# next slide.
# slide_shot NAME STEPS TEXT: presentation mode about the Bali Process, PgDn STEPS times, until TEXT shows.
slide_shot() {
  start 132 43 -- --checklist "$checklist"
  keys /; type_text "bali process"; keys Enter Escape; keys p
  wait_for "steps through the slides"
  local n
  for n in $(seq "$2"); do keys NPage; done
  wait_for "$3"
  capture "$1"
  stop
}
if wanted slide-1-landscape-132x43; then slide_shot slide-1-landscape-132x43 1 "Budapest Process"; fi
if wanted slide-2-region-132x43; then slide_shot slide-2-region-132x43 2 "Region: Asia and Oceania"; fi
if wanted slide-3-process-132x43; then slide_shot slide-3-process-132x43 3 "Members"; fi
if wanted slide-4-map-132x43; then slide_shot slide-4-map-132x43 4 "Map: Bali"; fi
if wanted slide-5-checklist-132x43; then slide_shot slide-5-checklist-132x43 5 "Overall"; fi

[ ${#made[@]} -gt 0 ] || die "no picture matched --only $only"
say "wrote ${#made[@]} file(s) to $out"
