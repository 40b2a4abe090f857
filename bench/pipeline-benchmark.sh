#!/bin/sh
# The data pipeline at the paper recipe (16 fps, 224 px) on real mp4 clips: data wait and peak RSS.
# Usage (from the project root): bench/pipeline-benchmark.sh CLIPS [framesPerClip=0] [steps=0 (whole epoch)] [threads=1] [DIR=/tmp/iibalance-pipeline]
# One JVM per call (peak RSS is per process), with the application's heap limit (-Xmx4g).
set -e
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-test-cp.txt -Dmdep.includeScope=test
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-test-cp.txt)" org.iibalance.experiment.PipelineBenchmark "$@"
