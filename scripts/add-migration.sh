#!/usr/bin/env bash
# Adds a migration with the same name to both providers (SQLite and PostgreSQL).
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/InnoCluster --startup-project src/InnoCluster \
    --context "${provider}InnoClusterDbContext" \
    --output-dir "Infrastructure/Data/Migrations/${provider}" \
    --namespace "InnoCluster.Infrastructure.Data.Migrations.${provider}"
done
# dotnet-ef writes a provider's first model snapshot under a doubled project folder; put it beside its migrations.
if [ -d src/InnoCluster/InnoCluster ]; then
  for provider in Sqlite Postgres; do
    for f in src/InnoCluster/InnoCluster/Infrastructure/Data/Migrations/${provider}/*.cs; do
      [ -e "$f" ] && mv "$f" "src/InnoCluster/Infrastructure/Data/Migrations/${provider}/"
    done
  done
  rm -rf src/InnoCluster/InnoCluster
fi
echo "Added migration $name for SQLite and PostgreSQL. Provider-specific SQL (search indexes) goes in by hand."
