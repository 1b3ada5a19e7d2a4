#!/usr/bin/env bash
# Runs every test: unit, processor, integration (javac 17 and the newest JDK) and the examples.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
mvn -B -ntp -Dstyle.color=never verify "$@"
