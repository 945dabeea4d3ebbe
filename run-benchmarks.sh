#!/usr/bin/env bash
# The benchmarks: their own command, not part of the tests. Builds and installs the modules, then
# runs the Gatling simulation of system-tests, which starts a stack of its own (as the local stack
# starts it, data under system-tests/target/benchmark-stack, the gateway's rate limits raised),
# seeds an account with 10,000 licenses and measures. Stop a running local stack first: the
# benchmark stack uses the same ports. Gatling's HTML report ends up in
# system-tests/target/gatling/<run>/index.html; the figures go into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests install
exec ./mvnw -B -pl system-tests gatling:test
