#!/usr/bin/env bash
# Builds what the local stack needs, then runs the whole system on this machine (no Docker).
# Options go to the JVM of the launcher, e.g. ./run-local-stack.sh -Dlocalstack.port.gateway=18080
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests package
exec java "$@" -jar local-stack/target/local-stack-exec.jar
