#!/usr/bin/env bash
# The Windows layout and its MSI, built on Linux with msitools' wixl (called by installer/build.sh).
#   target/installer/windows/SourceDir/   what Program Files\envclone will hold:
#     app\envclone.jar, app\lib\*.jar           the application (no JavaFX jar: those belong to the runtime)
#     runtime\                                  a jlink of the Windows JDK given (or a STAND-IN folder, see below)
#     runtime\javafx\javafx-*-win.jar           JavaFX for Windows
#     runtime\bin\*.dll                         JavaFX's DLLs out of those jars, and mssql-jdbc's integrated-auth DLL
#     envclone.ico, envclone-cli.cmd            the Start-menu icon; the command line for a console
#   target/installer/envclone-<v>.msi  (or envclone-<v>-STAND-IN.msi without a Windows JDK)
# JavaFX looks for its DLLs in "<folder of its jar>\..\bin" before it extracts them into the user profile
# (%USERPROFILE%\.openjfx\cache), which AppLocker rules allowing only Program Files would block: hence the JavaFX
# jars in runtime\javafx\ and their DLLs in runtime\bin\.
# ENVCLONE_ICO=FILE: another .ico than icons/envclone.ico (made by icons/render.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

version="" input="" classlist="" modules="" deps="" windows_jdk="" icon=${ENVCLONE_ICO:-icons/envclone.ico}
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --input) input=$2; shift 2 ;;
    --classlist) classlist=$2; shift 2 ;;
    --modules) modules=$2; shift 2 ;;
    --deps) deps=$2; shift 2 ;;
    --windows-jdk) windows_jdk=$2; shift 2 ;;
    *) echo "build-msi.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
say() { printf '[installer] %s\n' "$*"; }
fail() { printf '[installer] FAILED: %s\n' "$*" >&2; exit 1; }
command -v wixl >/dev/null 2>&1 && command -v wixl-heat >/dev/null 2>&1 \
  || fail "wixl is missing: apt-get install -y wixl msitools (Debian's msitools build the MSI on Linux)"
[ -f "$icon" ] || fail "$icon is missing: the MSI's Start-menu and Add/Remove Programs icon is made by icons/render.sh"

javafx_version=$(ls "$input"/lib/javafx-graphics-*-linux.jar | sed -E 's/.*javafx-graphics-(.*)-linux\.jar/\1/')
driver_jar=$(ls "$input"/lib/mssql-jdbc-*.jar)
driver_version=$(basename "$driver_jar" .jar | sed -E 's/^mssql-jdbc-//; s/\.jre[0-9]+$//')
auth_dll="mssql-jdbc_auth-$driver_version.x64.dll"

# ------------------------------------------------------------------ the Windows-only artifacts from Maven Central
# The pom's installer profile copies them into $deps; the DLL must be of exactly the driver's version.
for m in base graphics controls; do
  [ -f "$deps/javafx-$m-$javafx_version-win.jar" ] \
    || fail "$deps/javafx-$m-$javafx_version-win.jar is missing: build with './mvnw -Pinstaller -DskipTests package'"
done
# Its version follows the driver's, which a Maven property cannot derive: fetched here, absent versions tolerated.
[ -f "$deps/$auth_dll" ] || ./mvnw -q ${MAVEN_OFFLINE:-} dependency:copy \
  -Dartifact="com.microsoft.sqlserver:mssql-jdbc_auth:$driver_version.x64:dll" -DoutputDirectory="$deps" \
  >"$deps/auth-dll.log" 2>&1 || true
if [ -f "$deps/$auth_dll" ]; then
  auth=present
else
  auth=missing
  fail_or_warn="mssql-jdbc $driver_version has no $auth_dll on Maven Central (it has 12.10.0.x64 and 12.8.1.x64): Windows integrated authentication cannot work with this driver version; align mssql-jdbc.version in pom.xml with one that has its DLL"
  [ -z "$windows_jdk" ] && say "WARNING: $fail_or_warn. The stand-in MSI is built without it." || fail "$fail_or_warn"
fi

win=target/installer/windows
src=$win/SourceDir
rm -rf "$win"; mkdir -p "$src/app/lib" "$src/runtime/javafx" "$src/runtime/bin"

# ------------------------------------------------------------------ the runtime
if [ -n "$windows_jdk" ]; then
  [ -d "$windows_jdk/jmods" ] && [ -f "$windows_jdk/bin/javaw.exe" ] \
    || fail "--windows-jdk $windows_jdk is not a Windows JDK (no jmods/ or bin/javaw.exe)"
  release=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$windows_jdk/release")
  case "$release" in 17|17.*) ;; *) fail "--windows-jdk is Java '$release': JDK 17's jlink links only jmods of release 17" ;; esac
  rm -rf "$src/runtime"
  jlink --module-path "$windows_jdk/jmods" --add-modules "$modules" --strip-debug --no-header-files \
    --no-man-pages --compress=2 --include-locales=en,de,fr,es,pt,nl --output "$src/runtime"
  mkdir -p "$src/runtime/javafx"
  runtime_kind="jlink of $windows_jdk (Java $release)"
else
  cat >"$src/runtime/STAND-IN-RUNTIME-README.txt" <<EOF
STAND-IN RUNTIME - this MSI does not run.
No Windows JDK 17 was given (-Dwindows.jdk=PATH), so runtime\\ holds only these placeholders, JavaFX for Windows
and the DLLs. The MSI exists so that its tables (Shortcut, Directory, Upgrade, Component, File) and its file layout
can be checked on Linux (installer/check-msi.sh). Build the real one with -Dwindows.jdk=PATH or on a Windows runner
(.github/workflows/windows-installer.yml).
EOF
  printf 'STAND-IN: placeholder for javaw.exe of a jlink of a Windows JDK 17\n' >"$src/runtime/bin/STAND-IN-javaw.exe.txt"
  printf 'STAND-IN: placeholder for java.exe of a jlink of a Windows JDK 17\n' >"$src/runtime/bin/STAND-IN-java.exe.txt"
  runtime_kind="STAND-IN (no -Dwindows.jdk given: placeholder files, the MSI does not run)"
fi

# ------------------------------------------------------------------ JavaFX for Windows and the DLLs
cp "$deps"/javafx-{base,graphics,controls}-"$javafx_version"-win.jar "$src/runtime/javafx/"
for jar in "$src"/runtime/javafx/*.jar; do
  # -n: a real runtime brings its own Microsoft C runtime (vcruntime140.dll, ucrtbase.dll, api-ms-*): keep those
  unzip -q -n -j "$jar" '*.dll' -d "$src/runtime/bin" 2>/dev/null || [ $? -eq 11 ] # 11: this jar has none
done
[ "$auth" = present ] && cp "$deps/$auth_dll" "$src/runtime/bin/"

# ------------------------------------------------------------------ the application
cp "$input/envclone.jar" "$src/app/"
for jar in "$input"/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$src/app/lib/" ;; esac
done
cp "$icon" "$src/envclone.ico"
# The class-data-sharing archive cannot be made here for a Windows JVM: the MSI makes it at install (a custom action
# running the installed java.exe -Xshare:dump) from the class list trained on Linux (its Linux-only classes are
# skipped with a warning, nothing more). The empty envclone.jsa is a placeholder the MSI installs so that it knows
# the file: the dump overwrites it, and uninstalling removes it like every other file. An empty or missing archive
# is skipped without a word (-Xshare:auto).
[ -f "$classlist" ] || fail "--classlist: '$classlist' is not the class list of the Linux app-image"
cp "$classlist" "$src/app/envclone.classlist"
: >"$src/app/envclone.jsa"
# The JVM options of the Linux launcher; the class path by wildcard, so a dependency's new version needs no edit here.
# The heap cap as the Linux launcher's: 128 MB for a command (the .cmd), 256 MB for the wizard (the shortcut).
jvm_options='-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m'
cli_heap=-Xmx128m
wizard_heap=-Xmx256m
classpath='app\envclone.jar;app\lib\*;runtime\javafx\*'
in_folder() { sed 's#\(app\\\|runtime\\\)#'"$1"'\1#g'; } # PREFIX: app\ and runtime\ made PREFIXapp\, PREFIXruntime\
archive_options='-XX:SharedArchiveFile="app\envclone.jsa" -Xshare:auto'
printf '@echo off\r\nrem envclone from a console (the Start-menu shortcut opens the wizard with javaw)\r\n"%%~dp0runtime\\bin\\java.exe" %s -Dprism.order=sw %s -cp "%s" dev.envclone.Main %%*\r\n' \
  "$cli_heap $jvm_options" "$(printf '%s' "$archive_options" | in_folder '%~dp0')" "$(printf '%s' "$classpath" | in_folder '%~dp0')" \
  >"$src/envclone-cli.cmd"

# ------------------------------------------------------------------ the MSI
# envclone.wxs is the product (upgrade code, per-machine, major upgrade, shortcut); wixl-heat lists every file,
# one component each, under INSTALLDIR.
(cd "$src" && find . -type f | sed 's#^\./#SourceDir/#' | sort) \
  | wixl-heat -p SourceDir/ --var var.SourceDir --directory-ref INSTALLDIR --component-group AppFiles --win64 \
  >"$win/files.wxs"
# The shortcut runs javaw with the same JVM options as the Linux launcher; [INSTALLDIR] ends with a backslash.
shortcut_args="$wizard_heap $jvm_options -Dprism.order=sw $(printf '%s' "$archive_options" | in_folder '[INSTALLDIR]') -cp \"$(printf '%s' "$classpath" | in_folder '[INSTALLDIR]')\" dev.envclone.Main"
# The install's custom action: the installed java.exe (its File Id in files.wxs) makes the archive with the
# shortcut's own JVM options and class path, which the archive must match.
dump_args="$wizard_heap $jvm_options -Xshare:dump -XX:SharedClassListFile=\"[INSTALLDIR]app\\envclone.classlist\" -XX:SharedArchiveFile=\"[INSTALLDIR]app\\envclone.jsa\" -cp \"$(printf '%s' "$classpath" | in_folder '[INSTALLDIR]')\""
java_exe=runtime/bin/java.exe
[ -n "$windows_jdk" ] || java_exe=runtime/bin/STAND-IN-java.exe.txt
java_file_key=$(grep -F "Source=\"\$(var.SourceDir)/$java_exe\"" "$win/files.wxs" | sed -E 's/.*File Id="([^"]+)".*/\1/')
[ -n "$java_file_key" ] || fail "no File Id for $java_exe in $win/files.wxs"
suffix=""
[ -z "$windows_jdk" ] && suffix="-STAND-IN"
msi=target/installer/envclone-$version$suffix.msi
wixl -a x64 -D Win64=yes -D SourceDir="$src" -D Version="$version" -D ShortcutArguments="$shortcut_args" \
  -D JavaFileKey="$java_file_key" -D DumpArguments="$dump_args" \
  -o "$msi" installer/windows/envclone.wxs "$win/files.wxs"
say "msi: $msi ($(du -h "$msi" | cut -f1)); runtime: $runtime_kind; mssql-jdbc_auth DLL for driver $driver_version: $auth"
installer/check-msi.sh "$msi"
