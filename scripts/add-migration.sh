#!/usr/bin/env bash
# Adds a migration with the same name to both providers (src/InnoCluster.Migrations.Sqlite and
# src/InnoCluster.Migrations.Postgres). The host is the startup project: its design-time factories
# build each provider's context with the features' mappings.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/InnoCluster.Migrations.${provider}" --startup-project src/InnoCluster \
    --context "${provider}InnoClusterDbContext" \
    --output-dir . \
    --namespace "InnoCluster.Migrations.${provider}"
done
# dotnet-ef writes a provider's first model snapshot under a folder named after the namespace; put it beside its migrations.
for provider in Sqlite Postgres; do
  if [ -d "src/InnoCluster.Migrations.${provider}/InnoCluster" ]; then
    find "src/InnoCluster.Migrations.${provider}/InnoCluster" -name '*.cs' -exec mv {} "src/InnoCluster.Migrations.${provider}/" \;
    rm -rf "src/InnoCluster.Migrations.${provider}/InnoCluster"
  fi
done
echo "Added migration $name for SQLite and PostgreSQL. SQL that EF cannot write goes in Infrastructure/Data/HandWrittenSchema.cs (InnoCluster.Data)."
