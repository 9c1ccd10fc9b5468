#!/usr/bin/env bash
# Runs a benchmark suite on SQLite and on a throw-away PostgreSQL server (default durability settings),
# printing a Markdown table. Usage: bench/run.sh [registry|documents|…] [--db sqlite|postgres] [--rows N] [--requests N]
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${1:-registry}"; shift || true
scripts/prerequisites.sh --test >/dev/null
source scripts/lib/throwaway-postgres.sh
export INNOCLUSTER_BENCH_POSTGRES="$PG_URL"
if [ "$suite" = drills ]; then
  # The drills restart this PostgreSQL server mid-load, and fill a small file system of their own.
  printf '%s\n' "$(declare -f as_pg)" "as_pg $(printf '%q ' "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w restart)" > "$pg_dir/restart.sh"
  export INNOCLUSTER_BENCH_PG_RESTART="$pg_dir/restart.sh"
  small_disk="$(mktemp -d /tmp/innocluster-small.XXXXXX)"
  sudo_mount=""; [ "$(id -u)" -ne 0 ] && sudo_mount="sudo -n"
  if $sudo_mount mount -t tmpfs -o size=24m,mode=1777 tmpfs "$small_disk" 2>/dev/null; then
    export INNOCLUSTER_BENCH_SMALL_DISK="$small_disk"
    trap '$sudo_mount umount "$small_disk" 2>/dev/null; rmdir "$small_disk"; stop_throwaway_postgres' EXIT
  fi
fi
dotnet build bench/InnoCluster.Bench -c Release -v q >/dev/null
# A --db given on the command line (sqlite, postgres) comes first and wins over the default of both.
dotnet bench/InnoCluster.Bench/bin/Release/net10.0/InnoCluster.Bench.dll "$suite" "$@" --db both 2>&1 | grep -E '^(\||InnoCluster bench)'
