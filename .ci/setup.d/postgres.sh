#!/usr/bin/env bash
# PostgreSQL for the supplier register's test on a real server (tests/register/test_postgres.py).
# Installs Debian's postgresql, starts a cluster listening on 127.0.0.1 only, and creates the role and
# database the test connects to by default:
#   postgresql+psycopg://vendorcheck:vendorcheck@127.0.0.1:5432/vendorcheck_test
# (override with VENDORCHECK_TEST_POSTGRES). Exports nothing. Idempotent: each step checks first.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends postgresql
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
cluster=main
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {found=1} END {exit !found}'; then
  pg_createcluster "$version" "$cluster"
fi
# Loopback only: a test database must never be reachable from the network. Debian's postgresql.conf
# includes conf.d/, so our settings live in a file of their own.
cat > "/etc/postgresql/$version/$cluster/conf.d/vendorcheck-tests.conf" <<'CONF'
listen_addresses = '127.0.0.1'
port = 5432
CONF
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c && $4 == "online" {found=1} END {exit !found}'; then
  pg_ctlcluster "$version" "$cluster" start
fi

as_postgres() { su postgres -s /bin/sh -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'vendorcheck'")" != "1" ]; then
  as_postgres "CREATE ROLE vendorcheck LOGIN PASSWORD 'vendorcheck'"
fi
if [ "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = 'vendorcheck_test'")" != "1" ]; then
  as_postgres "CREATE DATABASE vendorcheck_test OWNER vendorcheck"
fi
echo "PostgreSQL $version ready on 127.0.0.1:5432 (database vendorcheck_test)"
