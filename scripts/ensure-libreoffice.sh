#!/usr/bin/env bash
# The DOCX report is checked by converting it with LibreOffice headless (does Word's
# format open without error?) and reading the PDF back with poppler (pdftotext,
# pdftoppm). Installs both when missing and we are allowed to; otherwise says how.
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
	echo "Installing LibreOffice Writer (headless) and poppler-utils for the DOCX report test…"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils >/dev/null
	exit 0
fi
echo "LibreOffice or poppler is missing. Install them: sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils" >&2
exit 1
