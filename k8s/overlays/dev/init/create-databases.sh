#!/bin/sh
# Runs once, on the first start of an empty data directory (docker-entrypoint-initdb.d of the
# postgres image): one database per service, all owned by the role the services log in as
# (POSTGRES_USER, from the integrity-db Secret's DB_USER).
set -eu
for db in integrity_ingest integrity_scoring integrity_notify; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
SELECT 'CREATE DATABASE $db OWNER "$POSTGRES_USER"'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
SQL
done
