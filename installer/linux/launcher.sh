#!/bin/sh
# envclone's launcher (bin/envclone of the app-image; installer/build.sh fills in the placeholders of
# installer/linux/launcher.sh). No arguments: the wizard; arguments: the command line.
# It execs the image's own Java with the JVM options envclone runs with (decision 0023), software rendering, and the
# class-data-sharing archive lib/app/envclone.jsa. The archive is made from the shipped class list
# (lib/app/envclone.classlist.gz) where envclone is installed: by the .deb at install, else here on the first start
# where it is missing and lib/app is writable; without it envclone starts all the same, only slower (decision 0025).
#   ENVCLONE_ARCHIVE=make bin/envclone   makes the archive again (the .deb's postinst) and exits, 0 when made
# Works from any working directory and through symbolic links (/usr/bin/envclone).
self=$(readlink -f -- "$0") || exit 127
image=${self%/bin/*}
app=$image/lib/app
java=$image/lib/runtime/bin/java
classpath="@CLASSPATH@"
archive=$app/envclone.jsa

make_archive() (
  # The tools' own variables would change the archive's JVM settings or print "Picked up ..." lines.
  unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS
  # Written under a name of its own and renamed when complete: a half-written archive is never used. Readable by
  # every user (it is part of the installation, like the jars), written by none.
  partial=$archive.$$.partial
  trap 'rm -f "$partial" "$partial.classlist"' EXIT
  gzip -dc "$app/envclone.classlist.gz" >"$partial.classlist" \
    && "$java" @JVM_OPTIONS@ -Xshare:dump -XX:SharedClassListFile="$partial.classlist" \
      -XX:SharedArchiveFile="$partial" -cp "$classpath" >/dev/null 2>&1 \
    && chmod 444 "$partial" && mv -f "$partial" "$archive"
)

if [ "${ENVCLONE_ARCHIVE:-}" = make ]; then
  make_archive
  exit
fi
if [ ! -f "$archive" ] && [ -w "$app" ] && [ -f "$app/envclone.classlist.gz" ]; then
  echo "envclone: making $archive once, for faster starts (a few seconds)" >&2
  make_archive || echo "envclone: $archive could not be made: starting without it" >&2
fi
# The heap cap (decision 0023): 128 MB for a command, 256 MB for the wizard, which holds the rehearsal's source and
# target sandboxes open at once (a large rehearsal walked whole did not fit in 128 MB).
heap=-Xmx128m
[ $# -eq 0 ] && heap=-Xmx256m
# -Xshare:auto: an archive that is missing or does not match this image is skipped without a word.
# AWT headless: envclone draws with JavaFX; AWT serves only PDFBox's page images, and the runtime has no X11 AWT
# library (decision 0028).
exec "$java" $heap @JVM_OPTIONS@ -Dprism.order=sw -Djava.awt.headless=true -XX:SharedArchiveFile="$archive" -Xshare:auto \
  -cp "$classpath" @MAIN_CLASS@ "$@"
