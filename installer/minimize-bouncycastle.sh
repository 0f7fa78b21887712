#!/usr/bin/env bash
# Takes out of BouncyCastle's jars (bcprov, bcutil, bcpkix in LIBDIR, changed in place) every class envclone cannot
# reach, and their signatures. Called by installer/build.sh; the jars of target/lib stay as Maven resolved them.
# Usage: installer/minimize-bouncycastle.sh LIBDIR ENVCLONE_JAR CLASSLIST...
#
# Why: envclone uses BouncyCastle through its own API (bcpkix's CMS and certificate builders with the JDK's
# providers) and never registers it as a JCE provider, so bcprov's provider, post-quantum and legacy trees
# (most of its 7.3 MB) are never loaded. What is kept, by evidence:
#   - every class reachable, by jdeps' class-level dependencies, from any class outside BouncyCastle (envclone's and
#     every other jar's: JSch, for one, has optional BouncyCastle code);
#   - every class the training runs loaded (CLASSLIST: the JVM's -XX:DumpLoadedClassList of --version, plan, the
#     wizard, sandbox/run/report), which covers what is loaded by name;
#   - with a class, its nested classes (Outer$Inner), and every resource that is not a class.
# The signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC) go, and the manifest keeps only its main section (the
# per-entry digests would name removed entries): the JVM then neither verifies the jars at every start nor keeps
# their classes out of the class-data-sharing archive, as it does for a signed jar's.
set -euo pipefail
lib=${1:?usage: minimize-bouncycastle.sh LIBDIR ENVCLONE_JAR CLASSLIST...}
envclone_jar=${2:?usage: minimize-bouncycastle.sh LIBDIR ENVCLONE_JAR CLASSLIST...}
shift 2
command -v zip >/dev/null 2>&1 || { echo "minimize-bouncycastle: 'zip' is missing: apt-get install -y zip" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

lib=$(realpath "$lib")
bc_jars=$(ls "$lib"/bcprov-*.jar "$lib"/bcutil-*.jar "$lib"/bcpkix-*.jar)
# Class-level edges, "from to", names without jdeps' multi-release prefix ("17/org.bouncycastle...").
jdeps -verbose:class -filter:none --multi-release 17 --ignore-missing-deps "$envclone_jar" "$lib"/*.jar 2>/dev/null \
  | awk '$2 == "->" { f = $1; t = $3; sub(/^[0-9]+\//, "", f); sub(/^[0-9]+\//, "", t); print f, t }' \
  >"$work/edges"
# The roots: BouncyCastle classes named from outside it, and those the training runs loaded.
{
  awk '$1 !~ /^org\.bouncycastle\./ && $2 ~ /^org\.bouncycastle\./ { print $2 }' "$work/edges"
  cat "$@" | awk '$1 ~ /^org\/bouncycastle\// { gsub(/\//, ".", $1); print $1 }'
} | sort -u >"$work/roots"
awk 'NR == FNR { if ($1 ~ /^org\.bouncycastle\./ && $2 ~ /^org\.bouncycastle\./) next_of[$1] = next_of[$1] " " $2; next }
     { if (!($1 in kept)) { kept[$1] = 1; queue[n++] = $1 } }
     END {
       for (i = 0; i < n; i++) {
         k = split(next_of[queue[i]], to, " ")
         for (j = 1; j <= k; j++) if (!(to[j] in kept)) { kept[to[j]] = 1; queue[n++] = to[j] }
       }
       for (c in kept) print c
     }' "$work/edges" "$work/roots" | sort -u >"$work/kept"

total_before=0 total_after=0
for jar in $bc_jars; do
  before=$(stat -c %s "$jar")
  # The entries to remove: classes not kept (nor nested in a kept class), module-info, signatures, the manifest.
  unzip -Z1 "$jar" | awk -v keptfile="$work/kept" '
    BEGIN { while ((getline c < keptfile) > 0) kept[c] = 1 }
    /\/$/ { next }
    /^META-INF\/MANIFEST\.MF$/ || /^META-INF\/[^\/]*\.(SF|RSA|DSA|EC)$/ || /module-info\.class$/ { print; next }
    /\.class$/ {
      name = $0; sub(/^META-INF\/versions\/[0-9]+\//, "", name); sub(/\.class$/, "", name); gsub(/\//, ".", name)
      outer = name; sub(/\$.*/, "", outer)
      if (!(name in kept) && !(outer in kept)) print
    }' >"$work/remove"
  mkdir -p "$work/mf/META-INF"
  unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | awk '/^$/ { done = 1 } !done { print }' >"$work/mf/META-INF/MANIFEST.MF"
  zip -q -d "$jar" -@ <"$work/remove"
  (cd "$work/mf" && zip -q -X "$jar" META-INF/MANIFEST.MF)
  rm -rf "$work/mf"
  after=$(stat -c %s "$jar")
  total_before=$((total_before + before)) total_after=$((total_after + after))
  printf '[installer] %s: %d of %d classes kept, %d KB -> %d KB, unsigned\n' "$(basename "$jar")" \
    "$(unzip -Z1 "$jar" | grep -c '\.class$')" "$(( $(unzip -Z1 "$jar" | grep -c '\.class$') + $(grep -c '\.class$' "$work/remove") ))" \
    $((before / 1024)) $((after / 1024))
done
printf '[installer] BouncyCastle: %d KB -> %d KB (%d classes reachable)\n' $((total_before / 1024)) \
  $((total_after / 1024)) "$(wc -l <"$work/kept")"
