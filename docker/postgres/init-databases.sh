#!/usr/bin/env bash
# Creates one role and one database per service that keeps its Axon events in PostgreSQL, each
# role owning its own database only, so that no service can read another's events. The postgres
# image runs this once, as the superuser, on the first start of an empty data volume (mounted
# read-only into /docker-entrypoint-initdb.d/ by docker-compose.yml; it must stay executable, or the
# entrypoint sources it instead of running it). The services' tables come from their Flyway
# migrations at start, not from here.
#
# The passwords come from the environment (LICENSE_DB_PASSWORD, ACTIVATION_DB_PASSWORD) and reach
# the server only as psql variables quoted by psql (:'password'), never pasted into SQL text or
# put on a command line. Changing them later takes ALTER ROLE: this script does not run again on a
# volume that already holds a cluster.
set -euo pipefail

create_service_database() {
    local name=$1 password_variable=$2
    if [ -z "${!password_variable:-}" ]; then
        echo "init-databases.sh: $password_variable is not set; the role $name needs a password" >&2
        exit 1
    fi
    echo "init-databases.sh: role and database $name"
    SERVICE_DB_PASSWORD="${!password_variable}" psql -v ON_ERROR_STOP=1 --no-psqlrc \
        --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
        --set=name="$name" <<'SQL'
\getenv password SERVICE_DB_PASSWORD
CREATE ROLE :"name" WITH LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
-- PUBLIC may connect to every new database by default; only the owner may connect to this one.
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create_service_database license_service LICENSE_DB_PASSWORD
create_service_database activation_service ACTIVATION_DB_PASSWORD
