#!/usr/bin/env bash
# Renders an `rcpx checklist report` in headless Chromium (Debian's `chromium`; installed with apt-get when
# missing) to PNG and PDF, after checking the HTML with scripts/check-report-html.py. Not part of `swift test`.
#
#   scripts/render-report.sh                   a sample workshop: three delegations, compared (built here)
#   scripts/render-report.sh report.html       an existing report
#
# Writes screenshots/checklist-report.png (the top of the page, 1280 px wide) and
# screenshots/checklist-report-full.png (the whole page), and $OUT/checklist-report.pdf (printed with the
# report's print style sheet; OUT defaults to /tmp/rcpx-report). Exits non-zero when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-/tmp/rcpx-report}"
mkdir -p "$out" screenshots

if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium (Debian package)…" >&2
    apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
fi

if [ $# -ge 1 ]; then
    html="$1"
else
    swift build >/dev/null
    rcpx="$(swift build --show-bin-path)/rcpx"
    home="$out/data"
    rm -rf "$home"
    export RCPX_DATA_HOME="$home"
    c() { "$rcpx" checklist "$@" >/dev/null; }
    c new "Senegal delegation"
    c meta "Senegal delegation" --subject senegal --date 2026-12-03 --facilitator "A. Diallo" \
        --participants "Ministry of the Interior; Directorate of Border Police; Ministry of Labour"
    c set "Senegal delegation" 1 in-place --note "Bilateral readmission talks with Spain and Italy are under way."
    c set "Senegal delegation" 1.1 in-place
    c set "Senegal delegation" 1.2 in-progress --note "Working group with the Mali and Mauritania delegations."
    c set "Senegal delegation" 5 in-progress
    c set "Senegal delegation" 6 in-progress
    c set "Senegal delegation" 6.1 not-in-place --note $'No shared screening procedure yet.\nRaised again in <session 3> & agreed as a priority.'
    c set "Senegal delegation" 6.2 in-place --note "Shelter network run with NGOs."
    c set "Senegal delegation" 13.4 in-progress --note "Remittance costs study planned."
    c set "Senegal delegation" 16 not-applicable
    c new "Mali delegation"
    c meta "Mali delegation" --subject mali --date 2026-12-03 --facilitator "A. Diallo" --participants "Ministry of Malians Abroad"
    c set "Mali delegation" 1 in-progress
    c set "Mali delegation" 1.1 in-place
    c set "Mali delegation" 6 in-place --note "Anti-trafficking law adopted."
    c set "Mali delegation" 6.1 in-place
    c set "Mali delegation" 6.2 in-progress --note "Victim support depends on donor funds."
    c set "Mali delegation" 13 in-place
    c set "Mali delegation" 13.2 in-place --note "Diaspora forum held yearly."
    c new "Mauritania delegation"
    c meta "Mauritania delegation" --subject mauritania --date 2026-12-04 --facilitator "A. Diallo" --participants "Ministry of the Interior"
    c set "Mauritania delegation" 3 in-place
    c set "Mauritania delegation" 3.2 in-progress --note "New border posts in the north."
    c set "Mauritania delegation" 6.1 not-in-place
    c set "Mauritania delegation" 11 in-progress
    html="$out/checklist-report.html"
    "$rcpx" checklist report "Senegal delegation" "Mali delegation" "Mauritania delegation" --date 2026-12-04 -o "$html"
fi

python3 scripts/check-report-html.py "$html" >/dev/null || { python3 scripts/check-report-html.py "$html"; exit 1; }

url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
       --user-data-dir="$out/chromium-profile" --virtual-time-budget=3000)
chromium "${flags[@]}" --window-size=1280,1600 --screenshot="$PWD/screenshots/checklist-report.png" "$url" 2>/dev/null
chromium "${flags[@]}" --window-size=1280,9000 --screenshot="$out/checklist-report-full.png" "$url" 2>/dev/null
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/checklist-report.pdf" "$url" 2>/dev/null
for f in screenshots/checklist-report.png "$out/checklist-report-full.png" "$out/checklist-report.pdf"; do
    [ -s "$f" ] || { echo "render-report: $f was not written" >&2; exit 1; }
done
pages=$(python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$out/checklist-report.pdf")
echo "report: $html"
echo "png:    screenshots/checklist-report.png, $out/checklist-report-full.png"
echo "pdf:    $out/checklist-report.pdf ($pages pages)"
