#!/usr/bin/env bash
# Regenerates docs/rcpx.1, the man page, from the command definitions.
#
# Usage: scripts/update-man-page.sh     (then: man ./docs/rcpx.1)
#
# swift-argument-parser's generate-manual plugin writes the NAME, SYNOPSIS, DESCRIPTION and the commands with
# their options from the same definitions `--help` uses. This script then
#   - puts the characters back that the plugin drops (it writes ASCII only: ◦ … ○ ✗ ◐ ✓ – become roff escapes),
#   - turns blank lines into paragraph breaks (.Pp), which mdoc wants,
#   - replaces the generic EXIT STATUS with rcpx's exit codes, and adds KEYS (from `rcpx keys`, the explorer's
#     one key table), ENVIRONMENT, FILES and SEE ALSO.
# The date on the page is the date of the last commit that changed the command-line sources, so the page does
# not change when nothing it describes did.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${RCPX_SCRATCH_PATH:-.build}"
date="$(git log -1 --format=%cs -- Sources/rcpx 2>/dev/null || true)"
[ -n "$date" ] || date="$(date -u +%Y-%m-%d)"

swift package --scratch-path "$scratch" --allow-writing-to-package-directory \
  generate-manual --configuration debug --date "$date" >&2
page="$scratch/plugins/GenerateManual/outputs/rcpx/rcpx.1"
[ -s "$page" ] || { echo "update-man-page: the plugin wrote no $page" >&2; exit 1; }
rcpx="$(swift build --scratch-path "$scratch" --show-bin-path)/rcpx"

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

# The characters the plugin drops, put back as roff escapes.
sed -e 's/they are marked \.$/they are marked \\[u25E6]./' \
    -e 's/, )/, \\[u2026])/g' \
    -e 's/instead of     \.$/instead of \\[u25CB] \\[u2717] \\[u25D0] \\[u2713] \\[en]./' \
    -e 's/^$/.Pp/' \
    "$page" > "$tmp"

# A help text with another non-ASCII character would lose it silently: say so.
if LC_ALL=C grep -n -E '[^ ]  +\.$|, \)|\(\)' "$tmp" | grep -v '^[0-9]*:\.' >&2; then
  echo "update-man-page: the lines above look like the plugin dropped non-ASCII characters; add a fix to this script" >&2
  exit 1
fi

# Everything from the generic EXIT STATUS on is replaced.
sed -i '/^\.Sh "EXIT STATUS"/,$d' "$tmp"

{
  cat <<'EOF'
.Sh KEYS
In the explorer (generated from the key table the explorer itself uses; also
.Nm rcpx Cm keys
and the
.Sy \&?
help overlay):
.Bd -literal -offset indent
EOF
  NO_COLOR=1 "$rcpx" keys --ascii | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./'
  cat <<'EOF'
.Ed
.Sh ENVIRONMENT
.Bl -tag -width XDG_DATA_HOME
.It Ev NO_COLOR
When set and not empty, no colour (as
.Fl -no-color ) .
Nothing depends on colour alone: selection, matches and roles are also shown by attributes and glyphs.
.It Ev TERM
With a
.Dq dumb
terminal, no TERM, or when standard input or output is not a terminal,
.Nm
prints the process list instead of the explorer. A terminal type the system does not know (such as
.Li xterm-kitty
over SSH) is drawn as
.Li xterm-256color
(or
.Li xterm ) ,
and the status line says so once; when neither is installed,
.Nm
says how to fix it and exits 69. With
.Li TERM=linux
the explorer draws with ASCII glyphs (the console's fonts lack its symbols).
.It Ev LANG , Ev LC_ALL , Ev LC_CTYPE
The explorer draws in UTF-8 when the locale is UTF-8. When none of them is set, or the UTF-8 locale asked
for is not installed, it uses C.UTF-8; with an explicit non-UTF-8 locale (such as
.Li LANG=C ) ,
or when no UTF-8 locale exists, it draws with ASCII only (as
.Fl -ascii ) .
The command-line lookups write ASCII under an explicit non-UTF-8 locale too.
.It Ev RCPX_DATA_HOME
rcpx's data folder; checklists are kept in
.Pa $RCPX_DATA_HOME/checklists .
.It Ev XDG_DATA_HOME
When
.Ev RCPX_DATA_HOME
is not set, checklists are kept in
.Pa $XDG_DATA_HOME/rcpx/checklists
(an absolute path; otherwise it is ignored).
.It Ev HOME
Otherwise, checklists are kept in
.Pa ~/.local/share/rcpx/checklists .
.El
.Sh FILES
.Bl -tag -width Ds
.It Pa ~/.local/share/rcpx/checklists/NAME.json
One practice checklist per file: readable JSON with a format version, saved atomically at every change
(see docs/DATA.md, "Checklist files"). Copy the folder to back them up.
.El
.Pp
The data set is compiled into the binary;
.Fl -data Ar file
reads another file of the same format (docs/DATA.md).
.Sh "EXIT STATUS"
.Bl -tag -width Ds
.It 0
Answered.
.It 1
Nothing matched (a misspelt or unknown name, a search without hits), or a name was ambiguous; for
.Cm checklist :
no such checklist, it already exists, or deletion was declined.
.It 64
Usage error: unknown option or command, missing or bad argument, a format the command does not write.
.It 65
The data file (or a checklist file) is missing, unreadable or invalid; nothing was changed.
.It 69
The explorer: TERM names a terminal type the system does not know, and no fallback is installed.
.It 73
.Cm checklist :
the checklist cannot be saved (read-only folder, disk full); nothing was changed.
.El
.Sh EXAMPLES
.Bd -literal -offset indent
rcpx                                   # the explorer
rcpx state turkey                      # Turkey's processes and roles
rcpx show bali --format json           # the Bali Process card as JSON
rcpx checklist set "Ghana 2026 workshop" 6.2 in-progress --note "MoU drafted"
rcpx --generate-completion-script bash > ~/.local/share/bash-completion/completions/rcpx
.Ed
.Sh SEE ALSO
README.md, docs/CLI.md and docs/DATA.md in the rcpx sources.
EOF
} >> "$tmp"

mkdir -p docs
cp "$tmp" docs/rcpx.1
echo "update-man-page: wrote docs/rcpx.1 ($(wc -l < docs/rcpx.1) lines); read it with: man ./docs/rcpx.1" >&2
