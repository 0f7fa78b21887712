#!/usr/bin/env bash
# CI's check that the committed icons are exactly what icons/render.sh makes from icons/envclone.svg: it renders into a
# temporary folder and compares every file byte for byte, so that an SVG changed without re-rendering (or a PNG
# edited by hand, or a size left over) fails the build. It also reads the .ico and the .icns back with tools that are
# not the ones that wrote them (icoutils' icotool, icnsutils' icns2png) and checks that they hold exactly their sizes.
# Usage: bash icons/check.sh   (exit 0: all as rendered; 1: what differs and what to do)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=icons/tools.sh
. "$here/tools.sh"
if [ -n "$icon_tools_missing" ]; then
    echo "icons/check.sh: missing Debian packages:$icon_tools_missing (apt-get install -y$icon_tools_missing)" >&2
    exit 1
fi

fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
bash "$here/render.sh" "$fresh" >/dev/null

problems=0
differ() { echo "icons/check.sh: $1" >&2; problems=$((problems + 1)); }

# Every file the script makes is committed, byte for byte.
made=$(cd "$fresh" && find icons src -type f ! -name rendered-with.txt | LC_ALL=C sort)
for file in $made; do
    if [ ! -f "$root/$file" ]; then
        differ "$file is not committed"
    elif ! cmp -s "$fresh/$file" "$root/$file"; then
        differ "$file differs from what icons/render.sh makes of icons/envclone.svg"
    fi
done
# …and nothing else lies in the folders it writes (a size it no longer makes, a file put there by hand).
committed=$( (cd "$root" && find icons/png src/main/resources/dev/envclone/ui/icons -type f 2>/dev/null
              cd "$root" && find icons -maxdepth 1 -type f \( -name '*.ico' -o -name '*.icns' \)) | LC_ALL=C sort)
for file in $committed; do
    [ -f "$fresh/$file" ] || differ "$file is not made by icons/render.sh: remove it"
done

# The .ico holds exactly 16, 20, 24, 32, 40, 48, 64 and 256, each 32-bit (alpha).
ico_sizes=$("$ICOTOOL" -l "$root/icons/envclone.ico" \
    | sed -n 's/.*--width=\([0-9]*\) --height=\([0-9]*\) --bit-depth=32 .*/\1x\2/p' | tr '\n' ' ')
[ "$ico_sizes" = "16x16 20x20 24x24 32x32 40x40 48x48 64x64 256x256 " ] \
    || differ "icons/envclone.ico holds [${ico_sizes% }] (icotool -l), not the 8 sizes 16, 20, 24, 32, 40, 48, 64, 256 at 32 bits"

# The .icns holds exactly 16, 32, 48, 128 (each with its mask), 256, 512 and 1024.
icns_elements=$("$ICNS2PNG" -l "$root/icons/envclone.icns" \
    | sed -n "s/^ *'\([a-z0-9]\{4\}\)' \([0-9]*x[0-9]*\) .*/\1 \2/p" | tr '\n' ',')
expected="is32 16x16,s8mk 16x16,il32 32x32,l8mk 32x32,ih32 48x48,h8mk 48x48,it32 128x128,t8mk 128x128,"
expected+="ic08 256x256,ic09 512x512,ic10 1024x1024,"
[ "$icns_elements" = "$expected" ] \
    || differ "icons/envclone.icns holds [${icns_elements%,}] (icns2png -l), not 16, 32, 48, 128 with masks, 256, 512, 1024"

if [ "$problems" -gt 0 ]; then
    {
        echo "icons/check.sh: $problems problem(s). Run: bash icons/render.sh, then commit icons/ and"
        echo "  src/main/resources/dev/envclone/ui/icons/. The committed files were made with (icons/rendered-with.txt):"
        sed 's/^/    /' "$root/icons/rendered-with.txt" 2>/dev/null || echo "    (no icons/rendered-with.txt)"
        echo "  this machine has:"
        icon_tool_versions | sed 's/^/    /'
    } >&2
    exit 1
fi
echo "icons/check.sh: the $(echo "$made" | wc -l) files made from icons/envclone.svg are as committed; .ico and .icns hold their sizes"
