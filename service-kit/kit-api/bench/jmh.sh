#!/usr/bin/env bash
# JMH benchmarks of kit-api (src/test/java/io/strato/kit/auth/*Benchmark.java), run outside Maven.
#
#   service-kit/kit-api/bench/jmh.sh [JMH_ARGS...]      (from anywhere in the checkout)
#   e.g. service-kit/kit-api/bench/jmh.sh                         TokenCacheBenchmark, defaults below
#        service-kit/kit-api/bench/jmh.sh TokenCacheBenchmark.hit -p revocations=0
#
# Compiles kit-core and kit-api with their test classes (the JMH annotation processor writes the stubs), writes the
# test classpath to service-kit/kit-api/target/bench.cp, then runs org.openjdk.jmh.Main on one thread (1 thread =
# 1 core): one fork, 5 x 4 s warm-up (JDK 17's P-256 code needs it to reach C2), 5 x 3 s measurement. Extra
# arguments go to JMH after these and win. JVM flags of the fork: $JMH_JVM_ARGS (default "-Xms1g -Xmx1g").
# Results: printed, and as JSON in service-kit/kit-api/target/jmh-result.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
kit=service-kit/kit-api

./mvnw -B -q -o -pl service-kit/kit-core,$kit test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
[ -s "$kit/target/bench.cp" ] || { echo "no classpath written to $kit/target/bench.cp" >&2; exit 1; }

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(TokenCacheBenchmark)
exec java -cp "$kit/target/test-classes:$kit/target/classes:service-kit/kit-core/target/classes:$(cat "$kit/target/bench.cp")" \
  org.openjdk.jmh.Main -f 1 -t 1 -wi 5 -i 5 -w 4s -r 3s -jvmArgsAppend "${JMH_JVM_ARGS:--Xms1g -Xmx1g}" \
  -rf json -rff "$kit/target/jmh-result.json" "${args[@]}"
