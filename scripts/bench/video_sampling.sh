#!/usr/bin/env bash
# Frames/s for sampling 32 frames from a 1-minute 720p H.264 video (generated at run time, then deleted), with and
# without seeking. Arguments pass through to VideoSamplingBenchmark: seconds width height fps gop frames repeats.
#   scripts/bench/video_sampling.sh            # 60 s, 1280x720, 30 fps, gop 250, 32 frames, 5 repeats
#   scripts/bench/video_sampling.sh 60 1280 720 30 60
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -ntp -pl harness -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
java -Xmx2g -cp "harness/target/test-classes:harness/target/classes:$(cat "$cp_file")" \
  dev.magmaeval.harness.media.VideoSamplingBenchmark "$@" 2> >(grep -v -e '^\s' -e 'Output #' -e OpenH264 >&2)
