#!/usr/bin/env bash
# Builds the installable package: a self-contained linux-x64 folder and tarball (no SDK, no network
# needed where it runs) holding the app, its front-end assets and the seed dataset (seed/).
# Usage: scripts/package.sh [OUTPUT_DIRECTORY]   (default dist/) -> dist/innocluster/ and dist/innocluster-linux-x64.tar.gz
# Run it: cd dist/innocluster && ConnectionStrings__Default="Data Source=/var/lib/innocluster/innocluster.db" \
#         InnoCluster__DataDirectory=/var/lib/innocluster ASPNETCORE_URLS=http://127.0.0.1:5080 ./InnoCluster
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-dist}")"
scripts/prerequisites.sh --runtime
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$out/innocluster"
dotnet publish src/InnoCluster -c Release -r linux-x64 --self-contained true -p:UseAppHost=true -o "$out/innocluster"
[ -f "$out/innocluster/seed/sources.json" ] || { echo "the seed dataset is missing from the package" >&2; exit 1; }
[ -f "$out/innocluster/wwwroot/lib/echarts/echarts.min.js" ] || { echo "the front-end libraries are missing from the package" >&2; exit 1; }
cp -r deploy "$out/innocluster/deploy"
tar -C "$out" -czf "$out/innocluster-linux-x64.tar.gz" innocluster
echo "Package: $out/innocluster-linux-x64.tar.gz ($(du -h "$out/innocluster-linux-x64.tar.gz" | cut -f1))"
