#!/usr/bin/env bash
# Renders every bundled report in every format it supports over the seed's records (`hostrun
# demo --scenario seed`), then opens the files as the centre's staff do: DOCX and XLSX through
# LibreOffice (`--convert-to pdf`, the PDF's text must not be blank) and HTML through headless
# Chromium (a screenshot, which must not be blank). Markdown, CSV and JSON must not be empty.
#
# Manual or CI-optional (ReportCommandTests covers the content). Needs libreoffice (writer and
# calc), chromium, poppler-utils (pdftotext) and python3.
# Usage: Tests/HostrunTests/render-reports.sh [output-dir]    (HOSTRUN=path to use a built binary)
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in soffice chromium pdftotext python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "render-reports: $tool not found" >&2; exit 1; }
done
if [ -z "${HOSTRUN:-}" ]; then
  swift build --product hostrun >/dev/null
  HOSTRUN="$(swift build --show-bin-path)/hostrun"
fi
out="${1:-$(mktemp -d /tmp/hostrun-reports-XXXXXX)}"
mkdir -p "$out/pdf" "$out/png"
rm -f "$out/seed.db"
"$HOSTRUN" demo --scenario seed --db "$out/seed.db" >/dev/null

passed=0
failed=0
pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

# Whether a PNG has ink: more than 0.5% of its pixels are not near white.
png_has_ink() {
  python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, color = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
assert depth == 8 and color in (2, 6), f"unsupported PNG (depth {depth}, colour type {color})"
channels = 3 if color == 2 else 4
stride = width * channels
raw = zlib.decompress(idat)
previous = bytearray(stride)
ink = 0
for y in range(height):
    kind = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        left = line[i - channels] if i >= channels else 0
        up = previous[i]
        corner = previous[i - channels] if i >= channels else 0
        if kind == 1: line[i] = (line[i] + left) & 255
        elif kind == 2: line[i] = (line[i] + up) & 255
        elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
    for x in range(0, stride, channels):
        if min(line[x:x + 3]) < 200: ink += 1
    previous = line
share = ink / (width * height)
print(f"{share:.1%} ink")
sys.exit(0 if share > 0.005 else 1)
PY
}

reports=$("$HOSTRUN" report --list | grep -v '^ ' | cut -d' ' -f1)
for report in $reports; do
  period=(--from 01/01/2026 --to 25/05/2026 --now "25/05/2026 17:00")
  # Three weeks after the seed's end, what was in progress then is overdue.
  [ "$report" = qua-han ] && period=(--month 2026-06 --now "15/06/2026 17:00")
  for format in md html csv json xlsx docx; do
    file="$out/$report.$format"
    rm -f "$file"
    if ! "$HOSTRUN" report "$report" "${period[@]}" --db "$out/seed.db" -o "$file" 2>"$out/error.txt"; then
      if grep -q "cannot be written as $format" "$out/error.txt"; then
        echo "skip $report.$format: $(cut -d: -f2- "$out/error.txt")"
        continue
      fi
      fail "$report.$format: $(cat "$out/error.txt")"; continue
    fi
    case "$format" in
      docx|xlsx)
        timeout 180 soffice -env:UserInstallation="file://$out/profile" --headless --convert-to pdf \
          --outdir "$out/pdf" "$file" >>"$out/soffice.log" 2>&1 || true
        pdf="$out/pdf/$report.pdf"
        if [ -s "$pdf" ] && [ "$(pdftotext "$pdf" - | tr -d '[:space:]' | wc -c)" -gt 100 ]; then
          pass "$report.$format -> PDF ($(stat -c %s "$pdf") bytes, $(pdftotext "$pdf" - | wc -w) words)"
          mv "$pdf" "$out/pdf/$report.$format.pdf"
        else
          fail "$report.$format: LibreOffice gave no PDF with text (see $out/soffice.log)"
        fi ;;
      html)
        png="$out/png/$report.png"
        rm -f "$png"
        timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,1754 \
          --screenshot="$png" "file://$file" >>"$out/chromium.log" 2>&1 || true
        if [ -s "$png" ] && ink=$(png_has_ink "$png"); then
          pass "$report.html -> screenshot ($ink)"
        else
          fail "$report.html: the screenshot is missing or blank (see $out/chromium.log)"
        fi ;;
      *)
        if [ -s "$file" ]; then pass "$report.$format ($(stat -c %s "$file") bytes)"; else fail "$report.$format is empty"; fi ;;
    esac
  done
done
echo "render-reports: $passed passed, $failed failed (files in $out)"
[ "$failed" -eq 0 ]
