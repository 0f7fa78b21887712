#!/bin/sh
# A stand-in for SQL*Plus in envclone's SSH tests. Like "sqlplus -L -S" with no logon on its command line, it reads
# the user and the password from standard input (checking the password against a SHA-256 hash, so that no file
# holds it), then "@script", then one line for each ACCEPT ... HIDE prompt of the script (it records their SHA-256,
# in order, in users.sha256), then EXIT. It answers each CREATE and GRANT as SQL*Plus does; ./scenario "fail" makes
# the second CREATE TABLESPACE fail the way WHENEVER SQLERROR EXIT FAILURE ends SQL*Plus.
IFS= read -r user || exit 1
IFS= read -r pass || exit 1
if [ "$(printf '%s' "$pass" | sha256sum | cut -d' ' -f1)" != "$(cat "$HOME/oracle-password.sha256")" ]; then
  echo "ERROR:"
  echo "ORA-01017: invalid username/password; logon denied"
  exit 1
fi
IFS= read -r run || exit 1
file=${run#@}
if [ ! -f "$file" ]; then
  echo "SP2-0310: unable to open file \"$file\""
  exit 1
fi
: > users.sha256
for who in $(sed -n "s/^ACCEPT pw[0-9]* CHAR PROMPT 'Password for \(.*\): ' HIDE$/\1/p" "$file"); do
  IFS= read -r pw || { echo "SP2-0546: no value for the password of $who"; exit 1; }
  echo "$who $(printf '%s' "$pw" | sha256sum | cut -d' ' -f1)" >> users.sha256
done
scenario=$(cat scenario 2>/dev/null || echo ok)
tablespaces=0
while IFS= read -r line; do
  case "$line" in
    "CREATE TABLESPACE "*)
      tablespaces=$((tablespaces + 1))
      if [ "$scenario" = fail ] && [ $tablespaces = 2 ]; then
        echo "CREATE TABLESPACE \"OSIDX\" DATAFILE SIZE 512M AUTOEXTEND ON NEXT 128M MAXSIZE UNLIMITED"
        echo "*"
        echo "ERROR at line 1:"
        echo "ORA-01543: tablespace 'OSIDX' already exists"
        echo ""
        exit 1
      fi
      echo ""; echo "Tablespace created." ;;
    "CREATE USER "*) echo ""; echo "User created." ;;
    "GRANT "*) echo ""; echo "Grant succeeded." ;;
  esac
done < "$file"
IFS= read -r last
[ "$last" = EXIT ] || { echo "SP2-0042: unknown command \"$last\""; exit 1; }
exit 0
