#!/usr/bin/env bash
# Regenerates the image-QA/spatial parity references: the oracle inputs scripts/oracle/cases/*.json (exported from
# the fixtures by OracleCasesTest), then tasks/src/test/resources/oracle/*.json (lmms-eval's own functions on them,
# see oracle_imageqa.py). Run after changing a fixture (scripts/fixtures/generate.sh). ImageQaParityTest and
# OracleCasesTest check the committed files.
set -euo pipefail
cd "$(dirname "$0")/../.."
LMMS=${LMMS_EVAL:-/work/ref/lmms-eval}
./mvnw -q -B -ntp verify -pl tasks -am -Dtest='OracleCasesTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfixtures.write=true
~/.pyenv/versions/3.12.1/bin/python3.12 scripts/oracle/oracle_imageqa.py "$LMMS" .
/usr/bin/python3 scripts/oracle/oracle_imageqa.py "$LMMS" . gqa ai2d
