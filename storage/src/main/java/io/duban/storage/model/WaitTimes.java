package io.duban.storage.model;

/**
 * How long answered messages waited, from stored ({@code received_at}) to answered (the reply written to the outbox,
 * {@code handled_at}): how many in each band, and how many expired without an answer.
 */
public record WaitTimes(long underOneSecond, long oneToFiveSeconds, long fiveToSixtySeconds,
                        long oneToTenMinutes, long overTenMinutes, long expired) {

    /** The answered messages (expired ones are not answered). */
    public long answered() {
        return underOneSecond + oneToFiveSeconds + fiveToSixtySeconds + oneToTenMinutes + overTenMinutes;
    }

    /** One line: {@code <1 s 12 | 1–5 s 3 | 5–60 s 0 | 1–10 min 0 | >10 min 0 | expired 0}. */
    public String line() {
        return "<1 s " + underOneSecond + " | 1–5 s " + oneToFiveSeconds + " | 5–60 s " + fiveToSixtySeconds
                + " | 1–10 min " + oneToTenMinutes + " | >10 min " + overTenMinutes + " | expired " + expired;
    }
}
