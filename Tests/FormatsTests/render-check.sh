#!/usr/bin/env bash
# Proves that the report files hostrun writes open in the programs people use: writes the
# sample report in every format (SampleOutputTests with HOSTRUN_FORMATS_SAMPLES set), converts
# the DOCX and XLSX to PDF with LibreOffice (`soffice --headless`) and prints the HTML to PDF
# with headless Chromium, then checks each PDF exists and, where pdftotext is installed, shows
# the text it should.
#
# Needs: libreoffice-writer-nogui libreoffice-calc-nogui (Debian; about 220 MB installed),
# fonts-liberation (metric-compatible with Times New Roman, so lines break as in Word),
# poppler-utils for the text checks; chromium (about 290 MB) for the HTML, skipped without it.
# Usage: Tests/FormatsTests/render-check.sh [output-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v soffice >/dev/null 2>&1; then
  echo "render-check: soffice not found; install libreoffice-writer-nogui libreoffice-calc-nogui" >&2
  exit 1
fi

out="${1:-$(mktemp -d /tmp/hostrun-libreoffice-XXXXXX)}"
mkdir -p "$out/pdf"
HOSTRUN_FORMATS_SAMPLES="$out" swift test --filter 'FormatsTests.SampleOutputTests' >"$out/swift-test.log" 2>&1 \
  || { cat "$out/swift-test.log" >&2; exit 1; }

# A private profile, so a running or half-initialised user profile cannot block the conversion.
profile="file://$out/profile"
passed=0
failed=0
skipped=0
check() {  # check FILE TEXT…: converts FILE to PDF and looks for each TEXT in it
  local file="$1"; shift
  local dir="$out/pdf/${file##*.}"  # one folder per format: every sample is named report.*
  local pdf="$dir/$(basename "${file%.*}").pdf"
  mkdir -p "$dir"
  rm -f "$pdf"
  if [ "${file##*.}" = html ]; then
    if ! command -v chromium >/dev/null 2>&1; then
      echo "skip $(basename "$file"): chromium is not installed"
      skipped=$((skipped + 1)); return
    fi
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" \
      "file://$file" >>"$out/chromium.log" 2>&1 || true
  else
    timeout 180 soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$dir" "$file" \
      >>"$out/soffice.log" 2>&1 || true
  fi
  if [ ! -s "$pdf" ]; then
    echo "FAIL $(basename "$file"): no PDF came out (see the logs in $out)"
    failed=$((failed + 1)); return
  fi
  if command -v pdftotext >/dev/null 2>&1; then
    local text; text="$(pdftotext -layout "$pdf" -)"
    for expected in "$@"; do
      if ! grep -qF -- "$expected" <<<"$text"; then
        echo "FAIL $(basename "$file"): the PDF lacks \"$expected\""
        failed=$((failed + 1)); return
      fi
    done
  fi
  echo "ok   $(basename "$file") -> ${pdf#"$out/"} ($(stat -c %s "$pdf") bytes)"
  passed=$((passed + 1))
}

check "$out/report.docx" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" \
  "Bến Thành, ngày 25 tháng 5 năm 2026" "BÁO CÁO" "Nơi nhận:" "4.152"
check "$out/report.xlsx" "Lĩnh vực" "Tiếp nhận" "Tổng cộng"
check "$out/report.html" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Bảng 1. Thống kê tình hình giải quyết hồ sơ" \
  "Hồ sơ tiếp nhận theo kênh" "Nơi nhận:"

echo "render-check: $passed passed, $failed failed, $skipped skipped (files in $out)"
[ "$failed" -eq 0 ]
