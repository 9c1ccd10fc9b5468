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
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_dir="$(mktemp -d /tmp/innocluster-pg.XXXXXX)"
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
pg_user="$(id -un)"
as_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  pg_user=postgres
  chown postgres "$pg_dir"
  as_pg() { su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; }
fi
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export INNOCLUSTER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres;Include Error Detail=true"
export INNOCLUSTER_REQUIRE_POSTGRES=1
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port (data in $pg_dir)"

dotnet tool restore >/dev/null
dotnet build InnoCluster.slnx -c Release -warnaserror
dotnet test --solution InnoCluster.slnx -c Release --no-build "$@"
