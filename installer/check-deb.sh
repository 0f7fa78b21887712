#!/usr/bin/env bash
# Installs the .deb (as root, with apt), runs envclone from the installed path, and removes it again: `--version`, and `plan`
# for both databases, each with -Xshare:on so that the class-data-sharing archive is proven to work after the image
# moved to /opt/envclone. Usage (root): installer/check-deb.sh [target/installer/envclone_<v>-1_amd64.deb]
set -euo pipefail
deb=${1:-$(ls target/installer/envclone_*_amd64.deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "check-deb: no .deb: build it with ./mvnw -Pinstaller -DskipTests package" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "check-deb: installing a .deb needs root" >&2; exit 1; }
if dpkg -s envclone >/dev/null 2>&1; then
  echo "check-deb: a package 'envclone' is installed already: not touching it (dpkg -r envclone first)" >&2; exit 1
fi

work=$(mktemp -d)
trap 'dpkg --purge envclone >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
# apt, not dpkg -i: the package depends on what jpackage found its launcher needs (xdg-utils for the menu entry, the
# GTK libraries JavaFX uses), which a fresh machine may lack
# The package's menu entry (xdg-desktop-menu in its postinst) fails where no menu folder exists, as on a minimal
# container; every desktop has these.
mkdir -p /usr/share/applications /usr/share/desktop-directories /etc/xdg/menus
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" >"$work/apt.out" 2>&1 \
  || { cat "$work/apt.out" >&2; exit 1; }
envclone=/opt/envclone/bin/envclone
[ -x "$envclone" ] || { echo "check-deb: $envclone is not there after dpkg -i" >&2; exit 1; }

run() { JAVA_TOOL_OPTIONS="-Xshare:on -Denvclone.home=$work/home" "$envclone" "$@" 2>"$work/err" \
  || { echo "check-deb: 'envclone $*' failed:" >&2; cat "$work/err" >&2; exit 1; }; }
run --version | grep -q '^envclone 0\.' || { echo "check-deb: --version printed no version" >&2; exit 1; }
echo "check-deb: ok: $($envclone --version 2>/dev/null | head -1) from $envclone (class-data sharing on)"
for dbms in sqlserver oracle; do
  run plan --dbms "$dbms" --out "$work/plan-$dbms" >/dev/null
  [ -s "$work/plan-$dbms/plan.json" ] && [ -s "$work/plan-$dbms/checklist.md" ] \
    || { echo "check-deb: plan --dbms $dbms wrote no plan.json/checklist.md" >&2; exit 1; }
  echo "check-deb: ok: plan --dbms $dbms wrote $(ls "$work/plan-$dbms" | wc -l) files"
done
echo "check-deb: $deb passed (installed, run, removed)"
