# Sourced by scripts/test.sh and bench/run.sh: starts a throw-away PostgreSQL server as a non-root
# user on a free loopback port, exports PG_URL (an Npgsql connection string to its `postgres`
# database) and stops it and deletes its files when the calling script exits.
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
stop_throwaway_postgres() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_throwaway_postgres EXIT
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_EXTRA_OPTIONS:-}" start >/dev/null
PG_URL="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres;Include Error Detail=true"
export PG_URL
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port (data in $pg_dir)"
