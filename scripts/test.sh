#!/usr/bin/env bash
# Runs every test: unit and HTTP integration tests on SQLite and on a throw-away PostgreSQL server,
# and the browser tests in Debian's headless Chromium. Installs what it needs (apt, npm, NuGet).
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
scripts/prerequisites.sh --test
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# A throw-away PostgreSQL server, as a non-root user, on a free port, gone when the script ends.
# Durability is off: the data is thrown away anyway, and the tests run faster.
PG_EXTRA_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
source scripts/lib/throwaway-postgres.sh
export INNOCLUSTER_TEST_POSTGRES="$PG_URL"
export INNOCLUSTER_REQUIRE_POSTGRES=1

# A small file system of its own for the full-disk tests (tmpfs, 24 MB), when this machine lets us mount one.
small_disk="$(mktemp -d /tmp/innocluster-small-disk.XXXXXX)"
sudo_mount=""
[ "$(id -u)" -ne 0 ] && sudo_mount="sudo -n"
if $sudo_mount mount -t tmpfs -o size=24m,mode=1777 tmpfs "$small_disk" 2>/dev/null; then
  export INNOCLUSTER_TEST_SMALL_DISK="$small_disk"
  trap '$sudo_mount umount "$small_disk" 2>/dev/null; rmdir "$small_disk"; stop_throwaway_postgres' EXIT
else
  echo "Note: could not mount a small tmpfs; the full-disk tests are skipped." >&2
  rmdir "$small_disk"
fi

dotnet tool restore >/dev/null
dotnet build InnoCluster.slnx -c Release -warnaserror
# One test module at a time: the browser tests (Chromium, a server, PDF printing) do not share the two
# cores with the PostgreSQL suites, whose load made page waits time out now and then.
# A failing test's report carries the app's log lines, which can push its name out of a CI's tail of the
# output: the names and messages are repeated at the end, without the log lines.
test_log="$(mktemp /tmp/innocluster-test-output.XXXXXX)"
set +e
dotnet test --solution InnoCluster.slnx -c Release --no-build --max-parallel-test-modules 1 "$@" 2>&1 | tee "$test_log"
test_status=${PIPESTATUS[0]}
set -e
if [ "$test_status" -ne 0 ]; then
  echo "=== Failed tests (repeated without their log lines; the whole output: $test_log) ==="
  grep -a -v '"Timestamp"' "$test_log" | grep -a -E -A25 '^ *failed ' | cut -c1-500
  exit "$test_status"
fi
rm -f "$test_log"

# sqlmap against the search and filter parameters, on both databases: zero findings or the run fails.
source scripts/lib/sqlmap-scan.sh
sqlmap_scan sqlite ""
scan_db="innocluster_sqlmap_$$"
psql "host=127.0.0.1 port=$pg_port user=$pg_user dbname=postgres" -qc "CREATE DATABASE $scan_db" >/dev/null
sqlmap_scan postgres "Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=$scan_db"
echo "All tests passed; sqlmap found nothing."
