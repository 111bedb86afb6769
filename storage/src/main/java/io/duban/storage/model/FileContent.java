package io.duban.storage.model;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The payload of a file or image message in the outbox: the file's name and bytes, stored as the name, a newline
 * and the bytes' base64, so that a file waits, retries and survives a restart like any other message.
 */
public record FileContent(String fileName, byte[] bytes) {
    public FileContent {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(bytes, "bytes is null");
        if (fileName.isBlank() || fileName.contains("\n")) {
            throw new IllegalArgumentException("a file name must be one non-blank line");
        }
    }

    public String encode() {
        return fileName + "\n" + Base64.getEncoder().encodeToString(bytes);
    }

    /** Reads {@link #encode}'s form; an image message's bare base64 becomes {@code image.png}. */
    public static FileContent decode(String content) {
        int nl = content.indexOf('\n');
        try {
            if (nl < 0) {
                return new FileContent("image.png", Base64.getDecoder().decode(content.strip()));
            }
            return new FileContent(content.substring(0, nl), Base64.getDecoder().decode(content.substring(nl + 1).strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("file content is not name + base64", e);
        }
    }

    /** Hex SHA-256 of the bytes: the key under which an upload is remembered. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 台账-2023-W41.xlsx（12 KB）}, for logs and the outbox listing. */
    public String describe() {
        return fileName + "（" + Math.max(1, bytes.length / 1024) + " KB）";
    }
}
