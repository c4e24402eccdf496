#!/usr/bin/env bash
# Regenerates tasks/src/test/resources/oracle/*.json from scripts/oracle/cases/*.json (see oracle_imageqa.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
LMMS=${LMMS_EVAL:-/work/ref/lmms-eval}
~/.pyenv/versions/3.12.1/bin/python3.12 scripts/oracle/oracle_imageqa.py "$LMMS" .
/usr/bin/python3 scripts/oracle/oracle_imageqa.py "$LMMS" . gqa ai2d
