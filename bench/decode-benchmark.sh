#!/bin/sh
# Prints decode+preprocess throughput (JavaCV, cold and cached) beside the ffmpeg CLI.
# Usage (from the project root): bench/decode-benchmark.sh [sharedDataDir] [longClips] [threads]
set -e
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime
exec java -Xmx3g -cp "target/classes:$(cat target/bench-cp.txt)" org.iibalance.media.DecodeBenchmark "$@"
