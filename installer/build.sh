#!/usr/bin/env bash
# Builds envclone's installers into target/installer/ from target/envclone.jar and target/lib/ (the `package` phase
# runs it after the jar: `./mvnw -Pinstaller -DskipTests package`, or any ./mvnw package/verify):
#   envclone/                    the Linux app-image: a jlink'd runtime, the jars (BouncyCastle's cut down to what
#                                envclone reaches), a shell launcher, the class list its class-data-sharing archive is
#                                made from where it is installed (decision 0025)
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
lap_at=$started
lap() { local now; now=$(date +%s); say "$1 in $((now - lap_at)) s"; lap_at=$now; } # each part's time, for CI's budget

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
# named here: elliptic-curve TLS (SQL Server and Oracle connections negotiate ECDHE) and the extra charsets ojdbc
# converts with. Left out although jdeps finds them, as only code envclone never reaches calls them (decision 0028):
# jdk.jfr (JavaFX's pulse logger, which JavaFX looks up by name and does without), java.compiler, java.scripting and
# java.instrument (H2's functions written in Java source, its script triggers, its profiler agent). No jdk.localedata:
# envclone's words, dates and numbers are English whatever the machine's locale, as the procedure's documents are.
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  target/envclone.jar target/lib/*.jar 2>/dev/null | tail -1)
[ -n "$modules" ] || fail "jdeps found no modules"
unreached=jdk.jfr,java.compiler,java.scripting,java.instrument
modules=$(tr , '\n' <<<"$modules" | grep -vxF -f <(tr , '\n' <<<"$unreached") | paste -sd, -)
service_modules=jdk.crypto.ec,jdk.charsets
say "modules (jdeps, without $unreached): $modules; by name: $service_modules"
jlink_options=(--strip-debug --no-header-files --no-man-pages --compress=2)
# Native libraries of java.desktop nothing of envclone's loads: AWT's X11 toolkit (the launcher starts AWT headless:
# PDFBox renders page images without it), the splash screen, sound, and AWT's native interface for other toolkits.
linux_unused_natives='**/libawt_xawt.so,**/libsplashscreen.so,**/libjsound.so,**/libjawt.so'
jlink "${jlink_options[@]}" --exclude-files="$linux_unused_natives" --add-modules "$modules,$service_modules" \
  --output "$work/linux/runtime"
# Native debug symbols out (libjvm.so alone: 24 MB -> 20 MB); --strip-unneeded keeps the dynamic symbols the
# libraries link by.
need strip "binutils is missing: apt-get install -y binutils (strips the native libraries' debug symbols)"
need zip "zip is missing: apt-get install -y zip (takes unused classes and copies of native libraries out of jars)"
find "$work/linux/runtime" -name '*.so' -exec strip --strip-unneeded {} +
java=$work/linux/runtime/bin/java
lap "runtime (jdeps, jlink, strip)"

# JavaFX's native libraries beside its jars, the first place JavaFX looks (on Linux, the folder of the jar), so that
# nothing is extracted into ~/.openjfx/cache; then out of the jars, where they would only be a second copy.
for jar in "$input"/lib/javafx-*-linux.jar; do
  unzip -q -o -j "$jar" '*.so' -d "$input/lib" 2>/dev/null || [ $? -eq 11 ] # 11: this jar has none
  zip -q -d "$jar" '*.so' >/dev/null 2>&1 || [ $? -eq 12 ] # 12: nothing to delete
done
strip --strip-unneeded "$input"/lib/*.so

# ---------------------------------------------------------------- Linux: the class list
# The classes the launcher's class-data-sharing archive will hold: those loaded by --version, plan for both
# databases, the wizard up to its first window, and a sandbox's run and report (signing, twice: with a new key and
# with the kept one). Shipped as lib/app/envclone.classlist.gz; the archive is made from it where envclone is
# installed (decision 0025). The same lists show which of BouncyCastle's classes are loaded by name
# (minimize-bouncycastle.sh).
classpath_in() { # DIR [PREFIX]: the launcher's class path, DIR's envclone.jar and lib/*.jar in this order, as PREFIX/...
  local dir=$1 prefix=${2:-$1} entries jar
  entries=("$prefix/envclone.jar")
  for jar in "$dir"/lib/*.jar; do entries+=("$prefix/lib/${jar##*/}"); done
  (IFS=:; printf '%s' "${entries[*]}")
}
training_classpath=$(classpath_in "$input")
lists=$work/linux/classlists
home=$work/linux/home
rm -rf "$lists" "$home"; mkdir -p "$lists" "$home"
train() { # name, then the arguments of envclone
  local name=$1; shift
  # The launcher's heap cap: without one, run starts itself again with it (decision 0023), and the second JVM
  # would write into the same list.
  HOME=$home "$java" -Xmx128m -Djava.awt.headless=true -Xshare:off -XX:DumpLoadedClassList="$lists/$name.lst" -Denvclone.home="$home/.envclone" \
    -Dprism.order=sw -cp "$training_classpath" "$main_class" "$@" >"$lists/$name.out" 2>&1 || true
}
train version --version
train plan plan --dbms sqlserver --out "$work/linux/plan-sqlserver"
train plan-oracle plan --dbms oracle --out "$work/linux/plan-oracle"
train sandbox sandbox create --dbms sqlserver --db "$work/linux/train-db"
train run run --run-dir "$work/linux/train-run" --plan "$work/linux/plan-sqlserver/plan.json" \
  --target "$(tail -1 "$lists/sandbox.out")" --user sa --yes
train report report --run-dir "$work/linux/train-run" --out "$work/linux/train-report-1.pdf"
train report-again report --run-dir "$work/linux/train-run" --out "$work/linux/train-report-2.pdf"
for pdf in "$work"/linux/train-report-{1,2}.pdf; do
  [ -s "$pdf" ] || { cat "$lists"/sandbox.out "$lists"/run.out "$lists"/report*.out >&2; fail "the training report run wrote no $pdf"; }
done
gui_trained=no
if command -v Xvfb >/dev/null 2>&1 && command -v xwininfo >/dev/null 2>&1; then
  display=:$(( 70 + RANDOM % 20 ))
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=$display HOME=$home "$java" -Xmx256m -Djava.awt.headless=true -Xshare:off -XX:DumpLoadedClassList="$lists/wizard.lst" \
    -Denvclone.home="$home/.envclone" -Dprism.order=sw -cp "$training_classpath" "$main_class" >"$lists/wizard.out" 2>&1 &
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
  say "NOTE: no wizard window under Xvfb (Xvfb, xwininfo or the GTK libraries missing): the class list covers the command line only"
fi
# One list of every line the training runs wrote, each line as many times as one run wrote it: a class whose two
# lambdas have the same shape has two identical @lambda-proxy lines, and both must reach the archive (sort -u kept
# one, which left 59 classes of `plan` outside the archive instead of 31).
# Only well-formed lines: a JVM that loads classes on several threads at once can write two lines into each other
# (JDK 17 does not lock the list), and -Xshare:dump stops at the first line it cannot read ("class list format
# error"). A class is one word; a lambda proxy ten; a lambda-form invoker a [KIND] and its words.
well_formed() {
  awk '/^#/ { next }
    NF == 1 && $1 !~ /^@/ { print; next }
    $1 == "@lambda-proxy" && NF == 10 { print; next }
    $1 == "@lambda-form-invoker" && $2 ~ /^\[[A-Z_]+\]$/ { print; next }
    { torn++ }
    END { if (torn) printf "%s: %d torn line(s) left out\n", FILENAME, torn >"/dev/stderr" }' "$1"
}
for list in "$lists"/*.lst; do
  [ "$list" = "$lists/all.lst" ] || well_formed "$list" | sort | uniq -c
done | awk '{ n = $1; sub(/^ *[0-9]+ /, ""); if (n > most[$0]) most[$0] = n }
  END { for (line in most) for (i = 0; i < most[line]; i++) print line }' | LC_ALL=C sort >"$lists/all.lst"
lap "training runs"

# ---------------------------------------------------------------- BouncyCastle: only what envclone reaches
installer/minimize-bouncycastle.sh "$input/lib" "$input/envclone.jar" "$lists"/*.lst
# fontbox's predefined CMaps of Chinese, Japanese and Korean encodings (1.2 MB): envclone's PDFs embed their fonts
# as Type0 with Identity-H (report/ReportFonts), so only Identity-H and Identity-V stay.
fontbox=$(ls "$input"/lib/fontbox-*.jar)
unzip -Z1 "$fontbox" | grep '^org/apache/fontbox/cmap/[^/]\{1,\}$' | grep -v -e '\.class$' -e '/Identity-[HV]$' \
  | zip -q -d "$fontbox" -@

# Stylesheets the wizard never loads: JavaFX's old Caspian theme (only with STYLESHEET_CASPIAN) and AtlantaFX's
# themes other than the Primer pair ui/common/Theme uses.
zip -q -d "$(ls "$input"/lib/javafx-controls-*-linux.jar)" 'com/sun/javafx/scene/control/skin/caspian/*'
zip -q -d "$(ls "$input"/lib/atlantafx-base-*.jar)" 'atlantafx/base/theme/nord-*' 'atlantafx/base/theme/cupertino-*' \
  'atlantafx/base/theme/dracula.*'

lap "jars cut down"

# ---------------------------------------------------------------- Linux: the app-image
# jpackage lays the image out (bin/, lib/runtime, lib/app, the icon); its native launcher is then replaced.
icon_png=src/main/resources/dev/envclone/ui/icons/envclone-256.png
[ -f "$icon_png" ] || fail "$icon_png is missing (the window icon rendered from icons/envclone.svg)"
jpackage --type app-image --name envclone --app-version "$app_version" --vendor envclone \
  --input "$input" --main-jar envclone.jar --main-class "$main_class" \
  --runtime-image "$work/linux/runtime" --icon "$icon_png" --dest "$out"
image=$out/envclone
launcher=$image/bin/envclone
appdir=$image/lib/app
gzip -9 -n -c "$lists/all.lst" >"$appdir/envclone.classlist.gz"
# jlink copies the same three notices into each module's legal folder; the JDK's own images link them to java.base's.
(cd "$image/lib/runtime/legal" && for notice in */*; do
  first=java.base/${notice#*/}
  if [ "${notice%%/*}" != java.base ] && [ -f "$first" ] && cmp -s "$notice" "$first"; then ln -sf "../$first" "$notice"; fi
done)

# ---------------------------------------------------------------- Linux: the launcher
# JDK 17's native launcher asks rpm and dpkg which package holds it on every start (~0.2 s); this one is a shell
# script that execs the image's java (decision 0025). The JVM options are decision 0023's, with software rendering
# (remote desktops have no GPU) and the class-data-sharing archive, which the script makes on a first start where it
# is missing and lib/app is writable; the .deb makes it at install.
# The heap cap is the launcher's own: 128 MB for a command, 256 MB for the wizard.
jvm_options='-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m'
launcher_classpath=$(classpath_in "$appdir" '$app')
rm -f "$launcher" "$image/lib/libapplauncher.so" "$appdir/envclone.cfg"
sed -e "s#@JVM_OPTIONS@#$jvm_options#g" -e "s#@CLASSPATH@#$launcher_classpath#" -e "s#@MAIN_CLASS@#$main_class#" \
  installer/linux/launcher.sh >"$launcher"
chmod 755 "$launcher"
grep -q '@[A-Z_]*@' "$launcher" && fail "$launcher still has a placeholder"

# The archive, made once here to check the class list against the image: every class it names must be found
# (BouncyCastle's minimized jars above), and the launcher must start with -Xshare:on, which refuses to run without
# the archive mapped. It is not shipped (55 MB): the image and the .deb carry the list. (AppImageIT checks the
# launcher's own making of it on a first start; installer/check-deb.sh the postinst's.)
dump_started=$(date +%s%N)
"$java" $jvm_options -Xshare:dump -XX:SharedClassListFile="$lists/all.lst" \
  -XX:SharedArchiveFile="$appdir/envclone.jsa" -cp "$(classpath_in "$(cd "$appdir" && pwd)")" >"$lists/dump.out" 2>&1 \
  || { tail -20 "$lists/dump.out" >&2; fail "the class-data-sharing archive could not be made from the class list"; }
archive_made=$(( ($(date +%s%N) - dump_started) / 1000000 ))
# (The list also names the JDK's generated proxies, which no archive can hold: the JVM warns and skips them.)
if grep -q 'Cannot find org/bouncycastle/' "$lists/dump.out"; then
  grep 'Cannot find org/bouncycastle/' "$lists/dump.out" >&2; fail "BouncyCastle classes of the class list are missing from its minimized jars"
fi
JAVA_TOOL_OPTIONS="-Xshare:on -Denvclone.home=$home/.envclone" "$launcher" --version >"$lists/check.out" 2>&1 \
  && grep -q '^envclone ' "$lists/check.out" || { cat "$lists/check.out" >&2; fail "'$launcher --version' did not start with -Xshare:on"; }
say "class-data-sharing archive: $(du -h "$appdir/envclone.jsa" | cut -f1) in ${archive_made} ms from $(wc -l <"$lists/all.lst") classes listed (wizard trained: $gui_trained); not shipped"
rm -f "$appdir/envclone.jsa"
lap "app-image, launcher, archive checked"
say "app-image: $image ($(du -sb "$image" | cut -f1) bytes, du -sh $(du -sh "$image" | cut -f1); runtime $(du -sh "$image/lib/runtime" | cut -f1), jars $(cat "$appdir"/*.jar "$appdir"/lib/*.jar | wc -c) bytes)"

# ---------------------------------------------------------------- Linux: the .deb
if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
  jpackage --type deb --app-image "$image" --name envclone --app-version "$app_version" --vendor envclone \
    --description "Migrate an OutSystems 11 environment using a database clone" \
    --linux-package-name envclone --linux-app-category utils --linux-shortcut \
    --resource-dir installer/linux --dest "$out"
  lap "deb: $(ls "$out"/envclone_*.deb) ($(stat -c %s "$out"/envclone_*.deb) bytes)"
else
  fail "dpkg-deb or fakeroot is missing: apt-get install -y fakeroot dpkg (needed for the .deb)"
fi

# ---------------------------------------------------------------- Windows: the layout and the MSI
installer/windows/build-msi.sh --version "$app_version" --input "$input" --classlist "$lists/all.lst" \
  --modules "$modules,$service_modules" \
  --deps "$windows_deps" ${windows_jdk:+--windows-jdk "$windows_jdk"}

lap "Windows layout and MSI, checked"
say "done in $(( $(date +%s) - started )) s"
