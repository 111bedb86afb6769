package io.duban.bot.wecom;

/** Masks secrets for logs and command output: the first four characters and the length, e.g. {@code abcd…(43)}. */
public final class Secrets {
    private Secrets() {
    }

    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(empty)";
        }
        if (secret.length() < 12) {
            return "…(" + secret.length() + ")";
        }
        return secret.substring(0, 4) + "…(" + secret.length() + ")";
    }
}
