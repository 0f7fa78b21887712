#!/bin/sh
# Renders icons/envclone.svg to the PNG sizes the wizard's windows use (Stage.getIcons picks the closest size for
# the title bar, the taskbar and Alt+Tab). Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
# Run from anywhere: sh icons/render.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/dev/envclone/ui/icons"
mkdir -p "$out"
for size in 16 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" -o "$out/envclone-$size.png" "$here/envclone.svg"
done
echo "rendered $(ls "$out" | wc -l) icons into $out"
