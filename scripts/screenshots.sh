#!/usr/bin/env bash
# Screenshots of the main pages in both languages (docs/screenshots/), taken with headless Chromium from a
# running instance: start it with scripts/run.sh, then run this. Usage: scripts/screenshots.sh [base-url]
set -euo pipefail
base="${1:-http://localhost:5080}"
out="$(cd "$(dirname "$0")/.." && pwd)/docs/screenshots"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
pages=(
  "home|/"
  "search|/search?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD%20%E8%90%A5%E6%94%B6"
  "document|/documents/5"
  "chain|/chain"
  "enterprises|/enterprises"
  "plan|/plans"
  "scenarios|/scenarios"
  "clauses|/clauses"
)
for entry in "${pages[@]}"; do
  name="${entry%%|*}"
  path="${entry#*|}"
  for lang in zh-CN en; do
    separator='?'; [[ "$path" == *\?* ]] && separator='&'
    url="${base}${path}${separator}culture=${lang}&ui-culture=${lang}"
    file="$out/${name}.${lang%%-*}.png"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1000 \
      --virtual-time-budget=8000 --screenshot="$file" "$url" >/dev/null 2>&1
    echo "$file"
  done
done
