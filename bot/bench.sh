#!/usr/bin/env bash
# Callback benchmarks (issue 6): p50/p99 answer time with 200 requests in flight on 127.0.0.1, and decrypt
# throughput per core (JMH). Bounded: stops by itself after about two minutes.
#   bot/bench.sh            # 20,000 requests
#   bot/bench.sh 5000       # fewer requests
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -q -B test-compile dependency:build-classpath -pl bot -am \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
CP="bot/target/test-classes:bot/target/classes:config/target/classes:storage/target/classes:$(cat bot/target/bench.classpath)"
DUBAN_LOG_LEVEL=WARN exec java -Dfile.encoding=UTF-8 \
    -cp "$CP" io.duban.bot.bench.BenchMain "$@"
