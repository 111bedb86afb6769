package io.duban.bot.wecom.ws;

/**
 * The ping rhythm: on each tick, a ping that is still unanswered counts as missed; two missed in a row mean the
 * link is dead. Not thread-safe: the connection calls it under its lock.
 */
public final class Heartbeat {
    public enum Action { PING, DEAD }

    private final int maxMissed;
    private String outstanding;
    private int missed;

    public Heartbeat(int maxMissed) {
        this.maxMissed = maxMissed;
    }

    /** Called every interval. {@link Action#PING} means: send a ping and report its req_id to {@link #sent}. */
    public Action tick() {
        if (outstanding != null) {
            missed++;
            outstanding = null;
        }
        return missed >= maxMissed ? Action.DEAD : Action.PING;
    }

    public void sent(String reqId) {
        outstanding = reqId;
    }

    /** An ack arrived; true when it answered the outstanding ping. */
    public boolean acked(String reqId) {
        if (reqId.equals(outstanding)) {
            outstanding = null;
            missed = 0;
            return true;
        }
        return false;
    }

    public int missed() {
        return missed;
    }
}
