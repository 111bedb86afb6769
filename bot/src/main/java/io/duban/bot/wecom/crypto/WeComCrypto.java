package io.duban.bot.wecom.crypto;

import static java.util.Objects.requireNonNull;

import io.duban.bot.wecom.crypto.WeComCryptoException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback crypto (WXBizMsgCrypt): the SHA-1 signature over the sorted token, timestamp, nonce and
 * ciphertext, and AES-256-CBC over {@code random(16) ‖ msg_len(4, big-endian) ‖ msg ‖ receiveid} with PKCS#7
 * padding to 32-byte blocks (done by hand: the JDK's PKCS5Padding only knows 16-byte blocks).
 *
 * <p>The receive id is the CorpID for a self-built app and the empty string for the intelligent robot. Thread-safe:
 * each thread keeps its own {@link Cipher} and SHA-1 digest, initialised per call (looking them up with
 * {@code getInstance} took a seventh of a callback's HTTP-thread time, issue 14). Randomness, time and nonces are
 * injected for deterministic tests.
 */
public final class WeComCrypto {
    public static final int ENCODING_AES_KEY_LENGTH = 43;
    private static final int BLOCK = 32;
    private static final int RANDOM_PREFIX = 16;
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<Cipher> AES = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/CBC/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    });

    private final byte[] token;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] receiveId;
    private final RandomGenerator random;
    private final Clock clock;
    private final Supplier<String> nonces;

    public WeComCrypto(String token, String encodingAesKey, String receiveId) {
        this(token, encodingAesKey, receiveId, new SecureRandom(), Clock.systemUTC(), null);
    }

    /**
     * @param random random bytes for the 16-byte prefix of each encrypted message
     * @param clock  timestamps of passive replies
     * @param nonces nonces of passive replies; {@code null} draws 10 digits from {@code random}
     */
    public WeComCrypto(String token, String encodingAesKey, String receiveId, RandomGenerator random, Clock clock,
                       Supplier<String> nonces) {
        requireNonNull(token, "token is null");
        requireNonNull(receiveId, "receiveId is null");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the callback token is empty");
        }
        byte[] aesKey = decodeKey(encodingAesKey);
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(aesKey, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(aesKey, 16));
        this.receiveId = receiveId.getBytes(StandardCharsets.UTF_8);
        this.random = requireNonNull(random, "random is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.nonces = nonces != null ? nonces : () -> String.valueOf(1_000_000_000L + random.nextLong(9_000_000_000L));
    }

    /**
     * Decodes an EncodingAESKey (43 characters of base64 without the trailing {@code =}) into the 32-byte AES key.
     *
     * @throws IllegalArgumentException naming what is wrong, never the key itself
     */
    public static byte[] decodeKey(String encodingAesKey) {
        if (encodingAesKey == null || encodingAesKey.length() != ENCODING_AES_KEY_LENGTH) {
            throw new IllegalArgumentException("the EncodingAESKey must be " + ENCODING_AES_KEY_LENGTH
                    + " characters, got " + (encodingAesKey == null ? "none" : encodingAesKey.length()));
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the EncodingAESKey is not base64 (A-Z, a-z, 0-9, + and /)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("the EncodingAESKey must decode to 32 bytes, got " + key.length);
        }
        return key;
    }

    /** Lowercase hex SHA-1 of the concatenation of the sorted token, timestamp, nonce and ciphertext. */
    public String signature(String timestamp, String nonce, String encrypt) {
        String[] parts = {new String(token, StandardCharsets.UTF_8), timestamp, nonce, encrypt};
        Arrays.sort(parts);
        MessageDigest sha1 = sha1();
        for (String part : parts) {
            sha1.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return HEX.formatHex(sha1.digest());
    }

    /** Checks {@code msgSignature} in constant time. */
    public boolean isValidSignature(String msgSignature, String timestamp, String nonce, String encrypt) {
        if (msgSignature == null || timestamp == null || nonce == null || encrypt == null) {
            return false;
        }
        byte[] expected = signature(timestamp, nonce, encrypt).getBytes(StandardCharsets.US_ASCII);
        byte[] given = msgSignature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** Verifies the signature, then decrypts: the whole inbound path for URL verification and for messages. */
    public String verifyAndDecrypt(String msgSignature, String timestamp, String nonce, String encrypt) {
        if (!isValidSignature(msgSignature, timestamp, nonce, encrypt)) {
            throw new WeComCryptoException(Reason.BAD_SIGNATURE, "the msg_signature does not match");
        }
        return decrypt(encrypt);
    }

    /** Decrypts a base64 ciphertext and checks the receive id. Does not check the signature. */
    public String decrypt(String encrypt) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypt.strip());
        } catch (IllegalArgumentException e) {
            throw new WeComCryptoException(Reason.MALFORMED_CIPHERTEXT, "the ciphertext is not base64");
        }
        if (cipherText.length < BLOCK || cipherText.length % 16 != 0) {
            throw new WeComCryptoException(Reason.MALFORMED_CIPHERTEXT,
                    "the ciphertext is " + cipherText.length + " bytes, not whole AES blocks");
        }
        byte[] plain;
        try {
            Cipher cipher = AES.get();
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            plain = cipher.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw new WeComCryptoException(Reason.MALFORMED_CIPHERTEXT, "AES decryption failed");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK) {
            throw new WeComCryptoException(Reason.MALFORMED_PLAINTEXT, "bad padding");
        }
        int end = plain.length - pad;
        if (end < RANDOM_PREFIX + 4) {
            throw new WeComCryptoException(Reason.MALFORMED_PLAINTEXT, "the plaintext is too short");
        }
        int msgLen = ByteBuffer.wrap(plain, RANDOM_PREFIX, 4).getInt();
        int msgStart = RANDOM_PREFIX + 4;
        if (msgLen < 0 || msgLen > end - msgStart) {
            throw new WeComCryptoException(Reason.MALFORMED_PLAINTEXT, "the message length is out of range");
        }
        byte[] foundId = Arrays.copyOfRange(plain, msgStart + msgLen, end);
        if (!MessageDigest.isEqual(foundId, receiveId)) {
            throw new WeComCryptoException(Reason.WRONG_RECEIVE_ID, "the message is for another receive id");
        }
        return new String(plain, msgStart, msgLen, StandardCharsets.UTF_8);
    }

    /** Encrypts {@code message} for this receive id; base64 of the AES ciphertext. */
    public String encrypt(String message) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        int unpadded = RANDOM_PREFIX + 4 + msg.length + receiveId.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer buf = ByteBuffer.allocate(unpadded + pad);
        byte[] prefix = new byte[RANDOM_PREFIX];
        random.nextBytes(prefix);
        buf.put(prefix).putInt(msg.length).put(msg).put(receiveId);
        for (int i = 0; i < pad; i++) {
            buf.put((byte) pad);
        }
        try {
            Cipher cipher = AES.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, iv);
            return Base64.getEncoder().encodeToString(cipher.doFinal(buf.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** Encrypts and signs a passive reply with the current time and a fresh nonce. */
    public EncryptedReply encryptReply(String message) {
        return encryptReply(message, String.valueOf(clock.instant().getEpochSecond()), nonces.get());
    }

    /** Encrypts and signs a passive reply with the given timestamp and nonce (the robot echoes the callback's). */
    public EncryptedReply encryptReply(String message, String timestamp, String nonce) {
        String encrypt = encrypt(message);
        return new EncryptedReply(encrypt, signature(timestamp, nonce, encrypt), timestamp, nonce);
    }

    /** This thread's SHA-1 digest, reset. */
    private static MessageDigest sha1() {
        MessageDigest digest = SHA1.get();
        digest.reset();
        return digest;
    }
}
