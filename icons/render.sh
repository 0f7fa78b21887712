#!/usr/bin/env bash
# Renders icons/envclone.svg, the one source of envclone's mark, into every file made from it:
#   icons/png/envclone-<size>.png   16, 20, 24, 32, 40, 48, 64, 128, 256, 512, 1024 (for the installers and anyone else)
#   icons/envclone.ico              16, 20, 24, 32, 40, 48, 64, 256 in one file (the Windows shortcut and launcher;
#                                   20 and 40 are 16 and 32 at 125 %, 24 and 48 at 150 %)
#   icons/envclone.icns             16, 32, 48, 128, 256, 512, 1024 (macOS)
#   src/main/resources/dev/envclone/ui/icons/envclone-<size>.png   the sizes AppIcon gives every window
#                                   (16, 32, 48, 64, 128, 256; Stage.getIcons picks among them)
#   icons/rendered-with.txt         the Debian package versions that made them
# Every size is drawn from the SVG by rsvg-convert (none scaled from another PNG), and the output is byte-for-byte the
# same on every run with the same package versions, so that icons/check.sh (run by CI) can compare it with what is
# committed. After changing the SVG: bash icons/render.sh, then commit everything it changed.
#
# Usage: bash icons/render.sh [ROOT]   (ROOT: where the files go, the repository by default; check.sh gives a temp folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-$(cd "$here/.." && pwd)}
# shellcheck source=icons/tools.sh
. "$here/tools.sh"
if [ -n "$icon_tools_missing" ]; then
    echo "icons/render.sh: missing Debian packages:$icon_tools_missing (apt-get install -y$icon_tools_missing)" >&2
    exit 1
fi

PNG_SIZES="16 20 24 32 40 48 64 128 256 512 1024"
ICO_SIZES="16 20 24 32 40 48 64 256"
ICNS_SIZES="16 32 48 128 256 512 1024"
WINDOW_SIZES="16 32 48 64 128 256"   # AppIcon.SIZES

png="$root/icons/png"
window="$root/src/main/resources/dev/envclone/ui/icons"
mkdir -p "$png" "$window"
rm -f "$png"/envclone-*.png "$window"/envclone-*.png

# rsvg-convert writes no time or text chunks: its PNGs are stable as they are.
for size in $PNG_SIZES; do
    "$RSVG" --width "$size" --height "$size" --format png --output "$png/envclone-$size.png" "$here/envclone.svg"
done

# ImageMagick stores 256 as PNG inside the .ico and the others as bitmaps; without these options that PNG would carry
# the time it was made (tIME, and date:create/date:modify as text).
ico_inputs=()
for size in $ICO_SIZES; do ico_inputs+=("$png/envclone-$size.png"); done
"$IMAGEMAGICK" "${ico_inputs[@]}" +set date:create +set date:modify -strip \
    -define png:exclude-chunks=date,time "ICO:$root/icons/envclone.ico.tmp"
mv "$root/icons/envclone.ico.tmp" "$root/icons/envclone.ico"

# png2icns picks each element's type from the PNG's size (is32/s8mk … it32/t8mk, ic08–ic10 as JPEG 2000).
icns_inputs=()
for size in $ICNS_SIZES; do icns_inputs+=("$png/envclone-$size.png"); done
"$PNG2ICNS" "$root/icons/envclone.icns" "${icns_inputs[@]}" >/dev/null

for size in $WINDOW_SIZES; do
    cp "$png/envclone-$size.png" "$window/envclone-$size.png"
done

icon_tool_versions > "$root/icons/rendered-with.txt"
echo "icons/render.sh: rendered icons/envclone.svg into $root (icons/png, icons/envclone.ico, icons/envclone.icns, $(ls "$window" | wc -l) window icons)"
