package io.duban.bot.wecom.callback;

import static java.util.Objects.requireNonNull;

import io.duban.bot.wecom.SettingSource;
import io.duban.bot.wecom.crypto.WeComCrypto;
import io.duban.config.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP callback's settings, from the environment and the {@code callback:} section of duban.yml:
 *
 * <pre>
 * callback:
 *   listen: 127.0.0.1          # WECOM_CALLBACK_LISTEN
 *   port: 8080                 # WECOM_CALLBACK_PORT
 *   robotPath: /wecom/robot    # WECOM_CALLBACK_ROBOT_PATH
 *   appPath: /wecom/app        # WECOM_CALLBACK_APP_PATH
 *   timestampWindowSeconds: 300
 *   maxBodyBytes: 65536
 *   robotToken: …              # WECOM_ROBOT_CALLBACK_TOKEN    (intelligent robot, API mode with URL callback)
 *   robotAesKey: …             # WECOM_ROBOT_CALLBACK_AES_KEY
 *   token: …                   # WECOM_CALLBACK_TOKEN          (self-built app 接收消息)
 *   aesKey: …                  # WECOM_CALLBACK_AES_KEY
 * </pre>
 *
 * A receiver is on when its token or key is set; the app receiver also needs the CorpID (app settings).
 */
public record CallbackSettings(
        String listen,
        int port,
        String robotPath,
        String appPath,
        Duration timestampWindow,
        int maxBodyBytes,
        Optional<String> robotToken,
        Optional<String> robotAesKey,
        Optional<String> appToken,
        Optional<String> appAesKey) {

    public static final String ENV_LISTEN = "WECOM_CALLBACK_LISTEN";
    public static final String ENV_PORT = "WECOM_CALLBACK_PORT";
    public static final String ENV_ROBOT_PATH = "WECOM_CALLBACK_ROBOT_PATH";
    public static final String ENV_APP_PATH = "WECOM_CALLBACK_APP_PATH";
    public static final String ENV_ROBOT_TOKEN = "WECOM_ROBOT_CALLBACK_TOKEN";
    public static final String ENV_ROBOT_AES_KEY = "WECOM_ROBOT_CALLBACK_AES_KEY";
    public static final String ENV_APP_TOKEN = "WECOM_CALLBACK_TOKEN";
    public static final String ENV_APP_AES_KEY = "WECOM_CALLBACK_AES_KEY";

    public CallbackSettings {
        requireNonNull(listen, "listen is null");
        requireNonNull(robotPath, "robotPath is null");
        requireNonNull(appPath, "appPath is null");
        requireNonNull(timestampWindow, "timestampWindow is null");
        requireNonNull(robotToken, "robotToken is null");
        requireNonNull(robotAesKey, "robotAesKey is null");
        requireNonNull(appToken, "appToken is null");
        requireNonNull(appAesKey, "appAesKey is null");
    }

    /** Reads the settings; a value of the wrong type is a {@link io.duban.config.ConfigException}. */
    public static CallbackSettings read(YamlNode rawSettings, Function<String, String> env) {
        SettingSource s = SettingSource.of(rawSettings, "callback", env, "listen", "port", "robotPath", "appPath",
                "timestampWindowSeconds", "maxBodyBytes", "robotToken", "robotAesKey", "token", "aesKey");
        return new CallbackSettings(
                s.text(ENV_LISTEN, "listen").orElse("127.0.0.1"),
                integer(s.text(ENV_PORT, "port"), "port", 0, 65535, 8080),
                s.text(ENV_ROBOT_PATH, "robotPath").orElse("/wecom/robot"),
                s.text(ENV_APP_PATH, "appPath").orElse("/wecom/app"),
                Duration.ofSeconds(integer(s.text("WECOM_CALLBACK_TIMESTAMP_WINDOW_SECONDS", "timestampWindowSeconds"),
                        "timestampWindowSeconds", 10, 86_400, 300)),
                integer(s.text("WECOM_CALLBACK_MAX_BODY_BYTES", "maxBodyBytes"), "maxBodyBytes", 1024, 16 << 20,
                        64 * 1024),
                s.text(ENV_ROBOT_TOKEN, "robotToken"),
                s.text(ENV_ROBOT_AES_KEY, "robotAesKey"),
                s.text(ENV_APP_TOKEN, "token"),
                s.text(ENV_APP_AES_KEY, "aesKey"));
    }

    private static int integer(Optional<String> value, String name, int min, int max, int fallback) {
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.get());
            if (v < min || v > max) {
                throw new IllegalArgumentException("callback." + name + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("callback." + name + " must be a whole number");
        }
    }

    public boolean robotEnabled() {
        return robotToken.isPresent() || robotAesKey.isPresent();
    }

    public boolean appEnabled() {
        return appToken.isPresent() || appAesKey.isPresent();
    }

    public boolean anyEnabled() {
        return robotEnabled() || appEnabled();
    }

    /** What is wrong with the enabled receivers, in words for the operator (never the secret values). */
    public List<String> problems(Optional<String> corpId) {
        List<String> out = new ArrayList<>();
        if (robotEnabled()) {
            required(out, robotToken, ENV_ROBOT_TOKEN);
            key(out, robotAesKey, ENV_ROBOT_AES_KEY);
            path(out, robotPath, ENV_ROBOT_PATH);
        }
        if (appEnabled()) {
            required(out, appToken, ENV_APP_TOKEN);
            key(out, appAesKey, ENV_APP_AES_KEY);
            path(out, appPath, ENV_APP_PATH);
            if (corpId.isEmpty()) {
                out.add("WECOM_CORP_ID is missing (the app callback checks it as the receive id)");
            }
        }
        if (robotEnabled() && appEnabled() && robotPath.equals(appPath)) {
            out.add("the robot and the app callback need different paths (both are " + robotPath + ")");
        }
        return out;
    }

    private static void required(List<String> out, Optional<String> value, String env) {
        if (value.isEmpty()) {
            out.add(env + " is missing");
        }
    }

    private static void key(List<String> out, Optional<String> value, String env) {
        if (value.isEmpty()) {
            out.add(env + " is missing");
            return;
        }
        try {
            WeComCrypto.decodeKey(value.get());
        } catch (IllegalArgumentException e) {
            out.add(env + ": " + e.getMessage());
        }
    }

    private static void path(List<String> out, String path, String env) {
        if (!path.startsWith("/") || path.contains("?") || path.contains(" ")) {
            out.add(env + ": a path like /wecom/robot, got " + path);
        }
    }

    /** The robot receiver's crypto (receive id {@code ""}); call only when {@link #problems} is empty. */
    public Optional<WeComCrypto> robotCrypto() {
        return robotEnabled() ? Optional.of(new WeComCrypto(robotToken.orElseThrow(), robotAesKey.orElseThrow(), ""))
                : Optional.empty();
    }

    /** The app receiver's crypto (receive id = CorpID); call only when {@link #problems} is empty. */
    public Optional<WeComCrypto> appCrypto(String corpId) {
        return appEnabled() ? Optional.of(new WeComCrypto(appToken.orElseThrow(), appAesKey.orElseThrow(), corpId))
                : Optional.empty();
    }
}
