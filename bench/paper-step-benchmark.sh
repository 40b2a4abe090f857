#!/bin/sh
# Time per training step of a paper configuration at its full input size (random inputs).
# Usage (from the project root): bench/paper-step-benchmark.sh sample-configs/paper-ave.yaml [batch=1] [steps=2] [threads=2] [classes=31] [key=value...]
set -e
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-test-cp.txt -Dmdep.includeScope=test
exec java -Xmx8g -cp "target/test-classes:target/classes:$(cat target/bench-test-cp.txt)" org.iibalance.experiment.PaperStepBenchmark "$@"
