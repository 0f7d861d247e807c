#!/usr/bin/env bash
# JMH benchmarks of identity-service (src/test/java/io/strato/identity/bench), run outside Maven.
#
#   identity-service/bench/jmh.sh [JMH_ARGS...]      (from anywhere in the checkout)
#   e.g. identity-service/bench/jmh.sh                        all benchmarks, defaults below
#        identity-service/bench/jmh.sh TokenValidation -p revocations=0
#
# 1. compiles main + test classes of service-kit and identity-service (the JMH annotation processor
#    writes the benchmark stubs) and writes the test classpath to identity-service/target/bench.cp;
# 2. runs org.openjdk.jmh.Main on one thread (1 thread = 1 core) with settings that fit a 2-core box:
#    one fork, 5 x 4 s warm-up (JDK 17's P-256 code needs it to reach C2), 5 x 3 s measurement.
#    Extra arguments are passed to JMH after these and win. JVM flags of the benchmark fork come from
#    $JMH_JVM_ARGS (default "-Xms1g -Xmx1g"; JMH takes them as one -jvmArgsAppend), e.g. the flags
#    deploy/local gives the services: JMH_JVM_ARGS="-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# Results: printed, and as JSON in identity-service/target/jmh-result.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

./mvnw -B -q -pl service-kit,identity-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test

cp_file=identity-service/target/bench.cp
[ -s "$cp_file" ] || { echo "no classpath written to $cp_file" >&2; exit 1; }

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(TokenValidationBenchmark)
exec java -cp "$(cat "$cp_file"):identity-service/target/test-classes:identity-service/target/classes" \
  org.openjdk.jmh.Main -f 1 -t 1 -wi 5 -i 5 -w 4s -r 3s -jvmArgsAppend "${JMH_JVM_ARGS:--Xms1g -Xmx1g}" \
  -rf json -rff identity-service/target/jmh-result.json "${args[@]}"
