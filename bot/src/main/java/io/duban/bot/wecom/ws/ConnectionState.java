package io.duban.bot.wecom.ws;

/** Where the long connection stands. The last three are final: the client does not reconnect from them. */
public enum ConnectionState {
    IDLE,
    CONNECTING,
    SUBSCRIBING,
    ONLINE,
    WAITING_TO_RECONNECT,
    /** Another instance subscribed with the same bot (disconnected_event): this one stands down. */
    KICKED,
    /** WeCom refused the bot id or secret. */
    AUTH_FAILED,
    STOPPED;

    public boolean isFinal() {
        return this == KICKED || this == AUTH_FAILED || this == STOPPED;
    }
}
