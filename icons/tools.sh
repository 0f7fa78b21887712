#!/usr/bin/env bash
# The Debian tools icons/render.sh and icons/check.sh use, found once. Sourced by both; run on its own it says whether
# they are all here (exit 0) or which Debian packages are missing (exit 1), which is how .ci/run decides to install.
#   rsvg-convert (librsvg2-bin)  the SVG to PNG at each size
#   ImageMagick  (imagemagick)   the PNGs into one .ico
#   png2icns     (icnsutils)     the PNGs into one .icns; icns2png lists it
#   icotool      (icoutils)      lists the .ico's sizes
# ImageMagick is looked for by what it answers, not by name, and Debian's /usr/bin/convert before any `convert` on
# PATH: one early on PATH may be something else (this build machine has a stand-in in /usr/local/bin).

icon_tools_missing=""
RSVG=$(command -v rsvg-convert || true)
[ -n "$RSVG" ] || icon_tools_missing="$icon_tools_missing librsvg2-bin"
IMAGEMAGICK=""
for candidate in "$(command -v magick || true)" /usr/bin/convert "$(command -v convert || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
        IMAGEMAGICK=$candidate
        break
    fi
done
[ -n "$IMAGEMAGICK" ] || icon_tools_missing="$icon_tools_missing imagemagick"
PNG2ICNS=$(command -v png2icns || true)
ICNS2PNG=$(command -v icns2png || true)
{ [ -n "$PNG2ICNS" ] && [ -n "$ICNS2PNG" ]; } || icon_tools_missing="$icon_tools_missing icnsutils"
ICOTOOL=$(command -v icotool || true)
[ -n "$ICOTOOL" ] || icon_tools_missing="$icon_tools_missing icoutils"

# The versions that made the files: the same versions make the same bytes, other versions may not.
icon_tool_versions() {
    if command -v dpkg-query >/dev/null 2>&1; then
        dpkg-query -W -f='${Package} ${Version}\n' librsvg2-bin librsvg2-2 imagemagick icnsutils libopenjp2-7 2>/dev/null || true
    else
        "$RSVG" --version
        "$IMAGEMAGICK" -version | head -n 1
    fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    if [ -n "$icon_tools_missing" ]; then
        echo "icons: missing Debian packages:$icon_tools_missing (apt-get install -y$icon_tools_missing)" >&2
        exit 1
    fi
    echo "icons: rsvg-convert $RSVG, ImageMagick $IMAGEMAGICK, png2icns $PNG2ICNS, icotool $ICOTOOL"
fi
