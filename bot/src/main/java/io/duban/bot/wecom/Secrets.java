package io.duban.bot.wecom;

import java.util.Collection;
import java.util.regex.Pattern;

/** Masks secrets for logs and command output: the first four characters and the length, e.g. {@code abcd…(43)}. */
public final class Secrets {
    private static final Pattern KEY_PARAM =
            Pattern.compile("(?i)((?:key|secret|access_token|corpsecret)=)[^&\\s\"]+");

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

    /** The text with every given secret masked and every {@code key=…}/{@code secret=…} URL parameter hidden. */
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
