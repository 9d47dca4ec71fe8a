#!/usr/bin/env bash
# Browser tests drive Debian's Chromium with a CJK font (never a downloaded browser) against
# the app served by Debian's nginx (npm run serve:nginx), and read exported PDFs back with
# poppler-utils (pdftotext, pdfinfo, pdfimages), and read exported GIS files back with gdal-bin
# (ogrinfo, ogr2ogr: the unit tests of exports).
# Installs them with apt when missing and we are root; otherwise says what to install.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "installing ${need[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "browser tests need: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
