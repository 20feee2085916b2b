#!/usr/bin/env bash
# Proves that the XLSX and DOCX files hostrun writes open in LibreOffice: writes the sample
# report in every format (SampleOutputTests with HOSTRUN_FORMATS_SAMPLES set), converts the
# XLSX and DOCX to PDF with `soffice --headless`, and checks each PDF has pages and, where
# pdftotext is installed, the text it should show.
#
# Needs: libreoffice-writer-nogui libreoffice-calc-nogui (Debian; about 220 MB installed),
# fonts-liberation (metric-compatible with Times New Roman, so lines break as in Word),
# optionally poppler-utils for the text checks. (The HTML is checked in a browser, not here.) Usage: Tests/FormatsTests/libreoffice-check.sh [output-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v soffice >/dev/null 2>&1; then
  echo "libreoffice-check: soffice not found; install libreoffice-writer-nogui libreoffice-calc-nogui" >&2
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
check() {  # check FILE TEXT…: converts FILE and looks for each TEXT in the PDF
  local file="$1"; shift
  local dir="$out/pdf/${file##*.}"  # one folder per format: every sample is named report.*
  local pdf="$dir/$(basename "${file%.*}").pdf"
  mkdir -p "$dir"
  rm -f "$pdf"
  if ! timeout 180 soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$dir" "$file" \
       >>"$out/soffice.log" 2>&1 || [ ! -s "$pdf" ]; then
    echo "FAIL $(basename "$file"): LibreOffice did not convert it (see $out/soffice.log)"
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

echo "libreoffice-check: $passed passed, $failed failed (files in $out)"
[ "$failed" -eq 0 ]
