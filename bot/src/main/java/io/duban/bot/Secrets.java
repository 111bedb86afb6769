package io.duban.bot;

import java.util.Collection;
import java.util.regex.Pattern;

/** Keeps secrets out of logs, replies and command output. */
public final class Secrets {
    private static final Pattern KEY_PARAM = Pattern.compile("(?i)((?:key|secret|access_token|corpsecret)=)[^&\\s\"]+");

    private Secrets() {
    }

    /** {@code "3f2a****"} for a long secret, {@code "****"} for a short one, {@code "(未设置 / not set)"} for none. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(未设置 / not set)";
        }
        return secret.length() >= 12 ? secret.substring(0, 4) + "****" : "****";
    }

    /** The text with every given secret and every {@code key=…}/{@code secret=…} URL parameter masked. */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, mask(s));
            }
        }
        return KEY_PARAM.matcher(out).replaceAll("$1****");
    }
}
