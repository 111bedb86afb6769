package io.duban.bot.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The callback benchmarks in one bounded run (about two minutes): the load test with 200 requests in flight, then
 * JMH's decrypt throughput on one thread (= per core) with few, short iterations. See {@code bot/bench.sh}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.println(CallbackLoadBench.run(count, 200, Math.min(5_000, count / 4)));
        Options options = new OptionsBuilder()
                .include(DecryptBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .build();
        new Runner(options).run();
    }
}
