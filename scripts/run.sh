#!/usr/bin/env bash
# Runs the platform at http://localhost:5080 on the embedded SQLite database (data/innocluster.db),
# applying migrations and loading the seed dataset (data/seed/) on first start.
# Usage: scripts/run.sh [extra dotnet run arguments]
# Environment: ConnectionStrings__Default=Host=…  runs it on PostgreSQL instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh --runtime
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Plain HTTP on localhost: cookies cannot be Secure here. Behind TLS (production), leave it true.
export Security__SecureCookies="${Security__SecureCookies:-false}"
exec dotnet run --project src/InnoCluster -c Release "$@"
