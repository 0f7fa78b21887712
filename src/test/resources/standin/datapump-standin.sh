#!/bin/sh
# A stand-in for Oracle's expdp and impdp in envclone's SSH tests (installed under both names). Like the real
# clients started with PARFILE= only, it prompts "Username:" and "Password:" and reads both from standard input;
# it compares the password with a SHA-256 hash (so that no file holds the password), then prints a log in Data
# Pump's format and exits 0, 5 or 1 as ./scenario says: ok, gated, slow, 31684, 39083, fatal.
tool=$(basename "$0")
case "$tool" in
  expdp) verb=exported ;;
  *) verb=imported ;;
esac
printf 'Username: '
IFS= read -r user || { echo; echo "UDI-00008: no user name given"; exit 1; }
printf 'Password: '
IFS= read -r pass || { echo; echo "UDI-00008: no password given"; exit 1; }
echo
if [ "$(printf '%s' "$pass" | sha256sum | cut -d' ' -f1)" != "$(cat "$HOME/oracle-password.sha256")" ]; then
  echo "ORA-01017: invalid username/password; logon denied"
  exit 1
fi
scenario=$(cat scenario 2>/dev/null || echo ok)
job=$(sed -n 's/^JOB_NAME=//p' "$tool.par")
owner=$(echo "${user%%@*}" | tr 'a-z' 'A-Z')
stamp="Wed Dec 2 01:39:00 2026"
echo "Connected to: Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production (login $user)"
if [ "$scenario" = fatal ]; then
  exit 1
fi
echo "Starting \"$owner\".\"$job\":  $owner/******** PARFILE=$tool.par"
errors=0
if [ "$tool" = impdp ]; then
  echo "Processing object type SCHEMA_EXPORT/USER"
  if [ "$scenario" = 31684 ] || [ "$scenario" = 39083 ]; then
    echo "ORA-31684: Object type USER:\"OSADMIN\" already exists"
    echo "ORA-31684: Object type USER:\"OSRUNTIME\" already exists"
    errors=2
  fi
  echo "Processing object type SCHEMA_EXPORT/SYSTEM_GRANT"
  if [ "$scenario" = 39083 ]; then
    echo "ORA-39083: Object type OBJECT_GRANT failed to create with error:"
    echo "ORA-01917: user or role 'OSDEV' does not exist"
    errors=3
  fi
fi
echo "Processing object type SCHEMA_EXPORT/TABLE/TABLE"
echo "Processing object type SCHEMA_EXPORT/TABLE/TABLE_DATA"
n=0
for table in OSSYS_ESPACE OSSYS_TENANT OSSYS_USER; do
  n=$((n + 1))
  echo ". . $verb \"OSADMIN\".\"$table\"                        12.5 KB      10 rows"
  if [ $n = 1 ] && [ "$scenario" = gated ]; then
    # The test opens the gate only after it has seen this line: the log streams while the tool runs.
    i=0
    while [ ! -f gate ]; do
      sleep 0.05
      i=$((i + 1))
      if [ $i -gt 200 ]; then echo "UDE-00000: the test never saw the first table"; exit 1; fi
    done
  fi
  if [ $n = 1 ] && [ "$scenario" = slow ]; then
    while :; do sleep 0.1; done
  fi
done
echo "Processing object type SCHEMA_EXPORT/TABLE/INDEX/INDEX"
if [ "$tool" = expdp ]; then
  echo "Master table \"$owner\".\"$job\" successfully loaded/unloaded"
  echo "******************************************************************************"
  echo "Dump file set for $owner.$job is:"
  echo "  /u01/app/oracle/admin/ORCL/dpdump/envclone_01.dmp"
fi
if [ $errors = 0 ]; then
  echo "Job \"$owner\".\"$job\" successfully completed at $stamp elapsed 0 00:00:05"
  exit 0
fi
echo "Job \"$owner\".\"$job\" completed with $errors error(s) at $stamp elapsed 0 00:00:05"
exit 5
