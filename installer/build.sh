#!/usr/bin/env bash
# Builds envclone's installers into target/installer/ from target/envclone.jar and target/lib/ (run `package` first;
# `./mvnw -Pinstaller -DskipTests package` does both):
#   envclone/                    the Linux app-image: a jlink'd runtime, the jars, a class-data-sharing archive
#   envclone_<v>_amd64.deb       the same app-image as a Debian package (installs to /opt/envclone)
#   windows/SourceDir/           the Windows layout the MSI is made of
#   envclone-<v>.msi             the Windows installer, built here with msitools' wixl
# Usage: installer/build.sh [--version V] [--windows-jdk PATH] [--windows-deps DIR]
# --windows-jdk: a Windows JDK 17 (its jmods/) to jlink the Windows runtime from. Without it the MSI is made around a
# stand-in runtime folder, and the build says so: such an MSI shows the tables and layout but does not run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version=""
windows_jdk=""
windows_deps="target/installer/work/windows-deps"
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --windows-jdk) windows_jdk=$2; shift 2 ;;
    --windows-deps) windows_deps=$2; shift 2 ;;
    *) echo "installer/build.sh: unknown argument '$1' (see the usage at the top of the script)" >&2; exit 2 ;;
  esac
done

say() { printf '[installer] %s\n' "$*"; }
fail() { printf '[installer] FAILED: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "'$1' is missing: $2"; }

[ -f target/envclone.jar ] && [ -d target/lib ] || fail "target/envclone.jar or target/lib/ is missing: run './mvnw -Pinstaller -DskipTests package'"
if [ -z "$version" ]; then
  version=$(unzip -p target/envclone.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
fi
# jpackage and MSI versions are at most three numbers: 0.1.0-SNAPSHOT -> 0.1.0
app_version=$(printf '%s' "$version" | grep -oE '^[0-9]+(\.[0-9]+){0,2}') || fail "version '$version' does not start with a number"
main_class=dev.envclone.Main
out=target/installer
work=$out/work
rm -rf "$out/envclone" "$out"/*.deb "$out"/*.msi "$out/windows" "$work/linux"
mkdir -p "$work/linux"
started=$(date +%s)

need jdeps "a JDK 17 (not a JRE) is needed"
need jlink "a JDK 17 (not a JRE) is needed"
need jpackage "a JDK 17 (not a JRE) is needed"

# ---------------------------------------------------------------- the application jars (shared by both platforms)
# Everything runs on the class path, as `java -jar target/envclone.jar` does. The empty platform-less JavaFX jars
# (javafx-base-21.0.11.jar, only a manifest) are kept: the jar's Class-Path names them.
input=$work/linux/input
mkdir -p "$input/lib"
cp target/envclone.jar "$input/"
cp target/lib/*.jar "$input/lib/"

# ---------------------------------------------------------------- Linux: the runtime
# jdeps finds what the classes call; it cannot see service providers looked up by name at run time, so those are
# named here: elliptic-curve TLS (SQL Server and Oracle connections negotiate ECDHE), the extra charsets ojdbc
# converts with, and the locale data for the operator's number and date formats.
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  target/envclone.jar target/lib/*.jar 2>/dev/null | tail -1)
[ -n "$modules" ] || fail "jdeps found no modules"
service_modules=jdk.crypto.ec,jdk.charsets,jdk.localedata
say "modules (jdeps): $modules; by name: $service_modules"
jlink_options=(--strip-debug --no-header-files --no-man-pages --compress=2 --include-locales=en,de,fr,es,pt,nl)
jlink "${jlink_options[@]}" --add-modules "$modules,$service_modules" --output "$work/linux/runtime"

# JavaFX's native libraries beside its jars, the first place JavaFX looks (on Linux, the folder of the jar), so that
# nothing is extracted into ~/.openjfx/cache.
for jar in "$input"/lib/javafx-*-linux.jar; do
  unzip -q -o -j "$jar" '*.so' -d "$input/lib" 2>/dev/null || [ $? -eq 11 ] # 11: this jar has none
done

# ---------------------------------------------------------------- Linux: the app-image
# The JVM options the app needs: a heap cap (a full run's live set is ~100 MB; the default maximum is a quarter of
# the machine), software rendering (remote desktops have no GPU; it also skips a failing GPU attempt), and the
# class-data-sharing archive made below ($APPDIR is lib/app inside the image, wherever it is installed).
java_options=(-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -Dprism.order=sw -XX:SharedArchiveFile=\$APPDIR/envclone.jsa -Xshare:auto)
icon_png=src/main/resources/dev/envclone/ui/icons/envclone-256.png
[ -f "$icon_png" ] || fail "$icon_png is missing (the window icon rendered from icons/envclone.svg)"
jp_options=()
for o in "${java_options[@]}"; do jp_options+=(--java-options "$o"); done
jpackage --type app-image --name envclone --app-version "$app_version" --vendor envclone \
  --input "$input" --main-jar envclone.jar --main-class "$main_class" \
  --runtime-image "$work/linux/runtime" --icon "$icon_png" \
  "${jp_options[@]}" --dest "$out"
image=$out/envclone
launcher=$image/bin/envclone
appdir=$image/lib/app

# ---------------------------------------------------------------- Linux: the class-data-sharing archive
# One static archive for both faces of the launcher: the classes the wizard loads up to its first window and the
# ones `plan` and `--version` load. The class path is the launcher's own (from its .cfg), so the archive matches it;
# the JDK accepts it after the whole image moves (the .deb's /opt/envclone) because the jars keep their relative
# places.
cfg=$appdir/envclone.cfg
classpath=$(sed -n 's/^app.classpath=//p' "$cfg" | sed "s#\$APPDIR#$(cd "$appdir" && pwd)#g" | paste -sd: -)
java=$image/lib/runtime/bin/java
lists=$work/linux/classlists
mkdir -p "$lists"
home=$work/linux/home
rm -rf "$home"; mkdir -p "$home"
train() { # name, then the arguments of envclone
  local name=$1; shift
  "$java" -Xshare:off -XX:DumpLoadedClassList="$lists/$name.lst" -Denvclone.home="$home" -Dprism.order=sw \
    -cp "$classpath" "$main_class" "$@" >"$lists/$name.out" 2>&1 || true
}
train version --version
train plan plan --dbms sqlserver --out "$work/linux/plan-sqlserver"
train plan-oracle plan --dbms oracle --out "$work/linux/plan-oracle"
gui_trained=no
if command -v Xvfb >/dev/null 2>&1 && command -v xwininfo >/dev/null 2>&1; then
  display=:$(( 70 + RANDOM % 20 ))
  Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=$display "$java" -Xshare:off -XX:DumpLoadedClassList="$lists/wizard.lst" -Denvclone.home="$home" \
    -Dprism.order=sw -cp "$classpath" "$main_class" >"$lists/wizard.out" 2>&1 &
  wizard=$!
  for _ in $(seq 1 60); do
    # the wizard's title, not GTK's leader window (also called "envclone", 10x10, never shown)
    if DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q '"envclone — '; then gui_trained=yes; break; fi
    sleep 0.5
  done
  sleep 1 # the first frame's classes (layout, CSS, text) load just after the window maps
  kill "$wizard" 2>/dev/null || true; wait "$wizard" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true
fi
if [ "$gui_trained" = no ]; then
  say "NOTE: no wizard window under Xvfb (Xvfb, xwininfo or the GTK libraries missing): the archive covers the command line only"
fi
sort -u "$lists"/*.lst | grep -v '^#' >"$lists/all.lst"
"$java" -Xshare:dump -XX:SharedClassListFile="$lists/all.lst" -XX:SharedArchiveFile="$appdir/envclone.jsa" \
  -cp "$classpath" >"$lists/dump.out" 2>&1 || { tail -20 "$lists/dump.out" >&2; fail "the class-data-sharing archive could not be made"; }
say "class-data-sharing archive: $(du -h "$appdir/envclone.jsa" | cut -f1) ($(wc -l <"$lists/all.lst") classes listed; wizard trained: $gui_trained)"
# The launcher must use it: -Xshare:auto would silently fall back, so check once with logging on.
JAVA_TOOL_OPTIONS="-Xlog:cds=info -Denvclone.home=$home" "$launcher" --version >"$lists/check.out" 2>&1 || true
if grep -qiE 'mismatch|Unable to use shared archive|An error has occurred while processing the shared archive' "$lists/check.out"; then
  cat "$lists/check.out" >&2; fail "the launcher does not use the class-data-sharing archive"
fi
grep -q '^envclone ' "$lists/check.out" || { cat "$lists/check.out" >&2; fail "'$launcher --version' printed no version"; }
say "app-image: $image ($(du -sh "$image" | cut -f1); runtime $(du -sh "$image/lib/runtime" | cut -f1))"

# ---------------------------------------------------------------- Linux: the .deb
if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
  jpackage --type deb --app-image "$image" --name envclone --app-version "$app_version" --vendor envclone \
    --description "Migrate an OutSystems 11 environment using a database clone" \
    --linux-package-name envclone --linux-app-category utils --linux-shortcut --dest "$out"
  say "deb: $(ls "$out"/envclone_*.deb)"
else
  fail "dpkg-deb or fakeroot is missing: apt-get install -y fakeroot dpkg (needed for the .deb)"
fi

# ---------------------------------------------------------------- Windows: the layout and the MSI
installer/windows/build-msi.sh --version "$app_version" --input "$input" --modules "$modules,$service_modules" \
  --deps "$windows_deps" ${windows_jdk:+--windows-jdk "$windows_jdk"}

say "done in $(( $(date +%s) - started )) s"
