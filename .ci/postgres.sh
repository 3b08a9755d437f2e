#!/usr/bin/env bash
# Makes a PostgreSQL server available on 127.0.0.1 for the store tests, on a fresh Debian 12 machine
# where we are root. Installs Debian's package when it is missing, makes sure a cluster exists and runs,
# creates a role (allowed to create databases: the tests make a schema per test) and a database, waits
# until it accepts password logins over TCP, and prints exactly one line on standard output:
#
#   JEUGDHULP_TEST_PG=Host=127.0.0.1;Port=5432;Username=jeugdhulp;Password=jeugdhulp;Database=jeugdhulp_test
#
# Everything else goes to standard error, so a caller can do:
#   line=$(bash .ci/postgres.sh) && export "$line"
# Safe to run more than once: every step checks before it acts.
set -euo pipefail

ROLE=${JEUGDHULP_PG_ROLE:-jeugdhulp}
PASSWORD=${JEUGDHULP_PG_PASSWORD:-jeugdhulp}
DATABASE=${JEUGDHULP_PG_DATABASE:-jeugdhulp_test}

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (installs packages and starts the server as the postgres user)"
  exit 1
fi

# 1. Install Debian's PostgreSQL (server and cluster tools) when it is not there.
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql postgresql-client >&2
fi

# The newest installed major version.
VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
log "PostgreSQL $VERSION"

# 2. A cluster for that version (the package normally creates 'main'; a machine image may lack it).
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main >&2
fi

PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')

# 3. Start it when it is down (no systemd in a container: pg_ctlcluster runs pg_ctl directly).
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  log "starting cluster $VERSION/main on port $PORT"
  # A stale pid file from a machine that was stopped hard keeps the server from starting.
  pidfile=/var/lib/postgresql/$VERSION/main/postmaster.pid
  if [ -f "$pidfile" ] && ! kill -0 "$(head -1 "$pidfile")" 2>/dev/null; then
    log "removing stale $pidfile"
    rm -f "$pidfile"
  fi
  pg_ctlcluster "$VERSION" main start >&2
fi

as_postgres() { runuser -u postgres -- "$@"; }

# 4. Wait until the server answers (local socket first, then TCP below).
for _ in $(seq 1 60); do
  if as_postgres pg_isready -q -p "$PORT"; then break; fi
  sleep 0.5
done
as_postgres pg_isready -p "$PORT" >&2

psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -X -q -p "$PORT" -d postgres "$@"; }

# 4b. Room for the tests' connections. Each store test has a schema and so a connection pool of its own, and test
# classes run in parallel: sampled during a clean run, the store tests alone held up to 72 of the default 100
# connections, and a run beside leftover test processes failed with 53300 ("remaining connection slots are
# reserved"). max_connections takes effect only at a restart.
if [ "$(psql_admin -tAc 'SHOW max_connections')" -lt 300 ]; then
  log "raising max_connections to 300 (restart)"
  psql_admin -c "ALTER SYSTEM SET max_connections = 300"
  pg_ctlcluster "$VERSION" main restart >&2
  for _ in $(seq 1 60); do
    if as_postgres pg_isready -q -p "$PORT"; then break; fi
    sleep 0.5
  done
fi

# 5. Role and database (names and password are fixed test values, never secrets).
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  log "creating role $ROLE"
  psql_admin -c "CREATE ROLE \"$ROLE\" LOGIN CREATEDB PASSWORD '$PASSWORD'"
else
  psql_admin -c "ALTER ROLE \"$ROLE\" LOGIN CREATEDB PASSWORD '$PASSWORD'"
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
  log "creating database $DATABASE"
  psql_admin -c "CREATE DATABASE \"$DATABASE\" OWNER \"$ROLE\""
fi

# 6. Prove a password login over TCP works, as the tests will do it.
for _ in $(seq 1 20); do
  if PGPASSWORD=$PASSWORD psql -X -q -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" -tAc 'SELECT 1' >/dev/null 2>&1; then
    log "ready: 127.0.0.1:$PORT database $DATABASE"
    echo "JEUGDHULP_TEST_PG=Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD;Database=$DATABASE"
    exit 0
  fi
  sleep 0.5
done
log "the server runs but refuses a password login over TCP on 127.0.0.1:$PORT"
PGPASSWORD=$PASSWORD psql -X -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" -c 'SELECT 1' >&2 || true
exit 1
