#!/usr/bin/env bash
# Runs every test: unit, processor, integration (javac 17 and the newest JDK) and the examples,
# in the release profile: javadoc must have no warning, and a full run checks the release bundle
# it deploys into target/release-bundle against what Maven Central requires.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
mvn -B -ntp -Dstyle.color=never -P release verify "$@"
if [ $# -eq 0 ]; then
  java scripts/CheckReleaseBundle.java target/release-bundle
fi
