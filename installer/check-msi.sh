#!/usr/bin/env bash
# Checks an envclone MSI with msitools, without Windows: the tables that make it install per machine into Program
# Files, upgrade the previous version, put a javaw shortcut into the Start menu, make the class-data-sharing archive at
# install, and install every file of the layout. Usage: installer/check-msi.sh target/installer/envclone-<v>[-STAND-IN].msi [SourceDir]
# SourceDir (default target/installer/windows/SourceDir): the layout the MSI was built from, compared file by file.
set -euo pipefail
msi=${1:?usage: installer/check-msi.sh FILE.msi [SourceDir]}
src=${2:-$(dirname "$msi")/windows/SourceDir}
command -v msiinfo >/dev/null 2>&1 && command -v msiextract >/dev/null 2>&1 \
  || { echo "check-msi: msiinfo/msiextract are missing: apt-get install -y msitools" >&2; exit 1; }
[ -f "$msi" ] || { echo "check-msi: $msi does not exist" >&2; exit 1; }

problems=0
bad() { printf 'check-msi: WRONG: %s\n' "$*" >&2; problems=$((problems + 1)); }
ok() { printf 'check-msi: ok: %s\n' "$*"; }
table() { msiinfo export "$msi" "$1" | tail -n +4 | tr -d '\r'; } # rows only (the 3 header lines dropped)

tables=$(msiinfo tables "$msi")
for t in Shortcut Directory Upgrade Component File Property Icon; do
  grep -qx "$t" <<<"$tables" || bad "no $t table"
done

# Per machine, into Program Files (64-bit), with the icon in Add/Remove Programs.
property=$(table Property)
grep -qP '^ALLUSERS\t1$' <<<"$property" && ok "per-machine (ALLUSERS=1)" || bad "ALLUSERS is not 1: not a per-machine install"
grep -qP '^ARPPRODUCTICON\tenvclone.ico$' <<<"$property" && ok "Add/Remove Programs icon" || bad "no ARPPRODUCTICON"
upgrade_code=$(grep -P '^UpgradeCode\t' <<<"$property" | cut -f2)
[ "$upgrade_code" = "{08CE77C1-71C4-4F88-BB52-46AA80F54FB9}" ] && ok "upgrade code $upgrade_code" \
  || bad "upgrade code is '$upgrade_code', not envclone's fixed {08CE77C1-71C4-4F88-BB52-46AA80F54FB9}"
grep -q 'x64;1033' <<<"$(msiinfo suminfo "$msi")" && ok "x64 package" || bad "the summary's template is not x64;1033"

directory=$(table Directory)
grep -qP '^INSTALLDIR\tProgramFiles64Folder\tenvclone$' <<<"$directory" && ok "INSTALLDIR = [ProgramFiles64Folder]envclone" \
  || bad "INSTALLDIR is not ProgramFiles64Folder\\envclone: $(grep INSTALLDIR <<<"$directory")"

# MajorUpgrade: one row finding older versions (removing them) and one refusing a downgrade.
upgrade=$(table Upgrade)
[ "$(grep -c "^$upgrade_code" <<<"$upgrade")" -eq 2 ] && ok "major upgrade (2 Upgrade rows)" || bad "Upgrade table: $upgrade"
grep -qP '^RemoveExistingProducts\t' <<<"$(table InstallExecuteSequence)" && ok "RemoveExistingProducts scheduled" \
  || bad "RemoveExistingProducts is not scheduled: the old version would stay"

# The Start-menu shortcut: javaw from the installed runtime, envclone's main class, the icon.
shortcut=$(table Shortcut)
[ "$(wc -l <<<"$shortcut")" -eq 1 ] || bad "expected one shortcut, found: $shortcut"
field() { awk -F'\t' -v n="$1" '{ print $n }' <<<"$shortcut"; } # awk: read would merge the empty columns
dir=$(field 2) target=$(field 5) args=$(field 6) icon=$(field 9) workdir=$(field 12)
[ "$dir" = ProgramMenuFolder ] && ok "shortcut in the Start menu" || bad "shortcut directory is '$dir'"
[ "$target" = '[INSTALLDIR]runtime\bin\javaw.exe' ] && ok "shortcut target $target" || bad "shortcut target is '$target'"
grep -q 'dev.envclone.Main$' <<<"$args" && grep -q -- '-Xmx256m' <<<"$args" && grep -q 'prism.order=sw' <<<"$args" \
  && ok "shortcut arguments: $args" || bad "shortcut arguments lack the heap cap, software rendering or the main class: '$args'"
[ "$icon" = envclone.ico ] && ok "shortcut icon" || bad "shortcut icon is '$icon'"
grep -qF -- '-XX:SharedArchiveFile="[INSTALLDIR]app\envclone.jsa" -Xshare:auto' <<<"$args" && ok "shortcut uses the class-data-sharing archive" \
  || bad "the shortcut does not name app\envclone.jsa with -Xshare:auto: '$args'"
[ "$workdir" = INSTALLDIR ] || bad "shortcut working directory is '$workdir'"

# The class-data-sharing archive, made at install: the installed java.exe runs -Xshare:dump (type 3154 = 18, an
# installed file run with arguments, + 64 its failure ignored + 1024 deferred + 2048 as the system), after InstallFiles,
# not on removal, with the shortcut's JVM options and class path (the archive must match them).
action=$(table CustomAction | grep -P '^MakeClassDataArchive\t' || true)
if [ -z "$action" ]; then bad "no MakeClassDataArchive custom action"
else
  IFS=$'\t' read -r _ ca_type ca_source ca_target <<<"$action"
  [ "$ca_type" = 3154 ] && ok "custom action MakeClassDataArchive: deferred, as the system, failure ignored (type 3154)" \
    || bad "MakeClassDataArchive has type $ca_type, not 3154"
  runs=$(awk -F'\t' -v k="$ca_source" '$1 == k { print $3 }' <<<"$(table File)")
  case "$runs" in *java.exe|*STAND-IN-java.exe.txt) ok "it runs the installed $runs" ;; *) bad "MakeClassDataArchive runs '$runs', not java.exe" ;; esac
  shortcut_cp=$(grep -oP -- '-cp "[^"]*"' <<<"$args")
  grep -qF -- '-Xshare:dump -XX:SharedClassListFile="[INSTALLDIR]app\envclone.classlist" -XX:SharedArchiveFile="[INSTALLDIR]app\envclone.jsa"' <<<"$ca_target" \
    && grep -qF -- "$shortcut_cp" <<<"$ca_target" && grep -qF -- "${args%% -Dprism.order=sw*}" <<<"$ca_target" \
    && ok "it dumps app\envclone.classlist into app\envclone.jsa with the shortcut's JVM options and class path" \
    || bad "MakeClassDataArchive's command line does not match the shortcut's: '$ca_target'"
  sequence=$(table InstallExecuteSequence)
  at=$(grep -P '^MakeClassDataArchive\t' <<<"$sequence" | cut -f2-)
  files_at=$(grep -P '^InstallFiles\t' <<<"$sequence" | cut -f3)
  [ "$(cut -f1 <<<"$at")" = "NOT REMOVE" ] && [ "$(cut -f2 <<<"$at")" -gt "$files_at" ] \
    && ok "scheduled after InstallFiles, not on removal" || bad "MakeClassDataArchive is scheduled '$at' (InstallFiles at $files_at)"
fi

# Every file of the layout, one component each, and nothing else.
files=$(table File)
components=$(table Component)
listed=$(msiextract --list "$msi" | tr -d '\r' | sed -E 's#^(.*/)?envclone/##' | sort)
if [ -d "$src" ]; then
  expected=$( (cd "$src" && find . -type f | sed 's#^\./##' | sort) )
  if [ "$listed" = "$expected" ]; then ok "msiextract lists the $(wc -l <<<"$expected") files of $src"
  else bad "the MSI's files differ from $src:"; diff <(echo "$expected") <(echo "$listed") >&2 || true; fi
fi
[ "$(wc -l <<<"$files")" -eq "$(wc -l <<<"$listed")" ] && [ "$(wc -l <<<"$components")" -eq $(( $(wc -l <<<"$listed") + 1 )) ] \
  && ok "$(wc -l <<<"$files") File rows, $(wc -l <<<"$components") Component rows (one per file, plus the shortcut's)" \
  || bad "File rows $(wc -l <<<"$files"), Component rows $(wc -l <<<"$components"), files $(wc -l <<<"$listed")"
for f in app/envclone.jar app/envclone.classlist app/envclone.jsa runtime/bin/glass.dll runtime/bin/prism_sw.dll runtime/bin/javafx_font.dll envclone.ico envclone-cli.cmd; do
  grep -qx "$f" <<<"$listed" || bad "$f is not in the MSI"
done
auth=$(grep -E '^runtime/bin/mssql-jdbc_auth-.*\.x64\.dll$' <<<"$listed" || true)
driver=$(grep -oE '^app/lib/mssql-jdbc-[0-9]+(\.[0-9]+)*' <<<"$listed" | sed 's#app/lib/mssql-jdbc-##')
if [ "$auth" = "runtime/bin/mssql-jdbc_auth-$driver.x64.dll" ]; then ok "integrated-auth DLL of the driver's version ($driver)"
else echo "check-msi: NOTE: no mssql-jdbc_auth-$driver.x64.dll (driver $driver): Windows integrated authentication will not work"; fi
if grep -q '^runtime/bin/javaw.exe$' <<<"$listed"; then ok "a real runtime (runtime/bin/javaw.exe)"
elif grep -q '^runtime/STAND-IN-RUNTIME-README.txt$' <<<"$listed"; then echo "check-msi: NOTE: STAND-IN runtime: this MSI's tables are checked, it does not run"
else bad "neither runtime/bin/javaw.exe nor the stand-in's README"; fi

if [ "$problems" -gt 0 ]; then echo "check-msi: $problems problem(s) in $msi" >&2; exit 1; fi
echo "check-msi: $msi passed"
