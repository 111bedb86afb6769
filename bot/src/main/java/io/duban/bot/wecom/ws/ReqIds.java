package io.duban.bot.wecom.ws;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Random;

/** Request ids as the official SDK makes them: {@code {cmd}_{epochMillis}_{8 hex}}. */
public final class ReqIds {
    private final Clock clock;
    private final Random random;

    public ReqIds(Clock clock) {
        this(clock, new SecureRandom());
    }

    public ReqIds(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public String next(String cmd) {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return cmd + "_" + clock.millis() + "_" + HexFormat.of().formatHex(b);
    }
}
