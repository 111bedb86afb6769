package io.duban.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The callback's benchmarks in the project's bench command (see docs/开发.md): answer time with 200 requests in flight
 * on 127.0.0.1, and decrypt throughput on one thread (= per core). Bounded; prints {@code BENCH} lines.
 * {@code bot/bench.sh} runs the same outside Maven, with JMH in its own forked JVM.
 */
@Tag("bench")
class CallbackBench {
    @Test
    void callbackAnswerTime_with200InFlight() throws Exception {
        String result = CallbackLoadBench.run(20_000, 200, 5_000);
        System.out.println("BENCH " + result);
        assertThat(result).contains("p99");
    }

    @Test
    void decryptThroughputPerCore() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(DecryptBenchmark.class.getName())
                .forks(0)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .build()).run();
        for (RunResult r : results) {
            System.out.printf("BENCH callback decrypt (verify + AES-256-CBC, 1 thread) %s: %.0f ops/s%n",
                    r.getParams().getParam("size"), r.getPrimaryResult().getScore());
        }
        assertThat(results).hasSize(2);
    }
}
