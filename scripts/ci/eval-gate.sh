#!/usr/bin/env bash
# Runs an evaluation, then gates it against a baseline; writes everything CI needs under $OUT.
#
#   scripts/ci/eval-gate.sh                      # the bundled replay demo against $BASELINE
#   EVAL_ARGS="--model magma --model_args pretrained=models/magma-8b-onnx,device=cuda --tasks vqav2_val,pope" \
#   BASELINE=baselines/magma-8b scripts/ci/eval-gate.sh
#
# Environment (all optional):
#   EVAL_ARGS   arguments of the evaluation (default: the README's replay demo, offline, no GPU)
#   BASELINE    results folder/file of the reference run, or a published-numbers YAML (default: baselines/main)
#   POLICY      gate policy (default: configs/gates/default.yaml)
#   OUT         output folder (default: ci-out): run/ (results + samples), gate/ (summary.md, junit.xml,
#               sample-diff.md), report/ (index.html, leaderboard.csv)
#   PUBLISHED   published numbers shown in the report (default: configs/published/magma-paper.yaml)
# Exit status: the gate's (0 pass, 1 regression, 2 bad input); an evaluation failure exits with its own status.
# On GitHub Actions the gate's Markdown summary is appended to $GITHUB_STEP_SUMMARY.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

OUT="${OUT:-ci-out}"
BASELINE="${BASELINE:-baselines/main}"
POLICY="${POLICY:-configs/gates/default.yaml}"
PUBLISHED="${PUBLISHED:-configs/published/magma-paper.yaml}"
EVAL_ARGS="${EVAL_ARGS:---model replay --model_args path=scripts/fixtures/replay/vqav2_val.jsonl --tasks vqav2_val --data_dir scripts/fixtures/hub}"

rm -rf "$OUT"
mkdir -p "$OUT"

# shellcheck disable=SC2086  # EVAL_ARGS is a list of words on purpose
./eval $EVAL_ARGS --log_samples --output_path "$OUT/run"

status=0
./eval gate --run "$OUT/run" --baseline "$BASELINE" --policy "$POLICY" --out "$OUT/gate" || status=$?

if [[ -n "${GITHUB_STEP_SUMMARY:-}" && -f "$OUT/gate/summary.md" ]]; then
  cat "$OUT/gate/summary.md" >> "$GITHUB_STEP_SUMMARY"
fi

# The report is for people; its failure must not hide the gate's verdict.
report_args=("$OUT/run")
if [[ -d "$BASELINE" || "$BASELINE" == *.json ]]; then
  report_args+=("$BASELINE")
fi
./eval report "${report_args[@]}" --published "$PUBLISHED" --out "$OUT/report" \
  || echo "eval-gate.sh: the report could not be written (the gate's verdict stands)" >&2

exit "$status"
