#!/usr/bin/env bash
# Installs the .deb (as root, with apt), runs envclone from the installed paths, and removes it again: the postinst
# must have made the class-data-sharing archive (-Xshare:on refuses to start without it) and linked /usr/bin/envclone;
# `--version`, and `plan` for both databases, run through that link; removing the package must leave nothing of it
# (the archive and the link are not dpkg's: prerm removes them).
# Usage (root): installer/check-deb.sh [--skip-unless-root] [--installer-skipped true|false] [target/installer/envclone_<v>-1_amd64.deb]
# --skip-unless-root: as ./mvnw verify calls it, a note instead of a failure when not root;
# --installer-skipped true: a note instead of a check (./mvnw verify -Dinstaller.skip=true).
set -euo pipefail
skip_unless_root=no
[ "${1:-}" = --skip-unless-root ] && { skip_unless_root=yes; shift; }
if [ "${1:-}" = --installer-skipped ]; then
  [ "$2" = true ] && { echo "check-deb: NOTE: -Dinstaller.skip=true: no .deb built, none checked"; exit 0; }
  shift 2
fi
deb=${1:-$(ls target/installer/envclone_*_amd64.deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "check-deb: no .deb: build it with ./mvnw -Pinstaller -DskipTests package" >&2; exit 1; }
if [ "$(id -u)" -ne 0 ]; then
  [ "$skip_unless_root" = yes ] && { echo "check-deb: NOTE: not root: the .deb's install was not checked (installer/check-deb.sh as root does)"; exit 0; }
  echo "check-deb: installing a .deb needs root" >&2; exit 1
fi
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
[ -x /opt/envclone/bin/envclone ] || { echo "check-deb: /opt/envclone/bin/envclone is not there after the install" >&2; exit 1; }
[ "$(readlink /usr/bin/envclone)" = /opt/envclone/bin/envclone ] \
  || { echo "check-deb: /usr/bin/envclone is not a link to /opt/envclone/bin/envclone" >&2; exit 1; }
archive=/opt/envclone/lib/app/envclone.jsa
[ -s "$archive" ] || { echo "check-deb: the postinst made no $archive" >&2; cat "$work/apt.out" >&2; exit 1; }
echo "check-deb: ok: installed; the postinst made $archive ($(du -h "$archive" | cut -f1)) and linked /usr/bin/envclone"

envclone=/usr/bin/envclone
run() { (cd "$work" && JAVA_TOOL_OPTIONS="-Xshare:on -Denvclone.home=$work/home" "$envclone" "$@" 2>"$work/err") \
  || { echo "check-deb: 'envclone $*' failed:" >&2; cat "$work/err" >&2; exit 1; }; }
run --version | grep -q '^envclone 0\.' || { echo "check-deb: --version printed no version" >&2; exit 1; }
echo "check-deb: ok: $($envclone --version 2>/dev/null | head -1) from $envclone (class-data sharing on)"
for dbms in sqlserver oracle; do
  run plan --dbms "$dbms" --out "$work/plan-$dbms" >/dev/null
  [ -s "$work/plan-$dbms/plan.json" ] && [ -s "$work/plan-$dbms/checklist.md" ] \
    || { echo "check-deb: plan --dbms $dbms wrote no plan.json/checklist.md" >&2; exit 1; }
  echo "check-deb: ok: plan --dbms $dbms wrote $(ls "$work/plan-$dbms" | wc -l) files"
done

dpkg --purge envclone >"$work/purge.out" 2>&1 || { cat "$work/purge.out" >&2; exit 1; }
left=$(ls -d /opt/envclone /usr/bin/envclone 2>/dev/null || true)
[ -z "$left" ] || { echo "check-deb: removing the package left: $left $(find /opt/envclone 2>/dev/null)" >&2; exit 1; }
echo "check-deb: ok: removed, nothing left (/opt/envclone, /usr/bin/envclone)"
echo "check-deb: $deb passed (installed, run, removed)"
