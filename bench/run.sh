#!/usr/bin/env bash
# Runs a benchmark suite on SQLite and on a throw-away PostgreSQL server (default durability settings),
# printing a Markdown table. Usage: bench/run.sh [registry|documents|…] [--rows N] [--requests N]
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${1:-registry}"; shift || true
scripts/prerequisites.sh --test >/dev/null
source scripts/lib/throwaway-postgres.sh
export INNOCLUSTER_BENCH_POSTGRES="$PG_URL"
dotnet build bench/InnoCluster.Bench -c Release -v q >/dev/null
dotnet bench/InnoCluster.Bench/bin/Release/net10.0/InnoCluster.Bench.dll "$suite" --db both "$@" 2>&1 | grep -E '^(\||InnoCluster bench)'
