# Sourced by scripts/test.sh: runs sqlmap against the search and filter parameters of the running
# platform, once on SQLite and once on the throw-away PostgreSQL server; any finding fails the run.
sqlmap_scan() {
  local name="$1" connection="$2"
  local work port pid log
  work="$(mktemp -d /tmp/innocluster-sqlmap.XXXXXX)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  log="$work/app.log"
  (cd src/InnoCluster && ConnectionStrings__Default="$connection" InnoCluster__DataDirectory="$work" \
    Security__SecureCookies=false Security__SearchPerMinute=1000000 Urls="http://127.0.0.1:$port" \
    exec dotnet bin/Release/net10.0/InnoCluster.dll >"$log" 2>&1) &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
  local findings=0
  for url in \
    "http://127.0.0.1:$port/api/enterprises?q=abc&district=sip&tier=listed&node=ai-chip&page=1&pageSize=20" \
    "http://127.0.0.1:$port/enterprises?q=abc&district=sip&tier=listed&node=ai-chip&p=1" \
    "http://127.0.0.1:$port/api/chain?district=sip" \
    "http://127.0.0.1:$port/api/carriers?kind=University&district=sip" \
    "http://127.0.0.1:$port/api/search?q=ai&kind=Policy&level=Municipal&status=Valid&issuer=abc&year=2022&category=abc&method=abc&industry=abc&sort=date&page=1&pageSize=10" \
    "http://127.0.0.1:$port/api/self-check?creditCode=abc" \
    "http://127.0.0.1:$port/api/calls?programme=DemonstrationProject&year=2025" \
    "http://127.0.0.1:$port/api/passages?q=ai&take=10" \
    "http://127.0.0.1:$port/api/clauses?q=abc&documentId=1&status=Confirmed" \
    "http://127.0.0.1:$port/api/demands?q=abc&status=Published&page=1&pageSize=10" \
    "http://127.0.0.1:$port/api/solutions?q=abc&enterpriseId=1&page=1&pageSize=10" \
    "http://127.0.0.1:$port/api/scenarios/1/matches?take=10"; do
    local out
    out="$(sqlmap -u "$url" --batch --level=2 --risk=1 --time-sec=1 --threads=2 --disable-coloring --output-dir="$work/sqlmap" 2>&1 || true)"
    if echo "$out" | grep -qiE "identified the following injection point|parameter .* is vulnerable"; then
      echo "$out" | grep -iE "Parameter:|Type:|Title:|injectable" >&2
      findings=$((findings + 1))
    fi
    echo "sqlmap ($name) $(echo "$url" | sed "s|http://127.0.0.1:$port||"): $(echo "$out" | grep -oE "all tested parameters do not appear to be injectable|identified the following injection point" | head -n 1)"
  done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  return "$findings"
}
