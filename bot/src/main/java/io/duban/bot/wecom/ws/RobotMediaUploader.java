package io.duban.bot.wecom.ws;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.outbox.SendResult;
import io.duban.bot.wecom.WeComErrors;
import io.duban.bot.wecom.media.MediaKind;
import io.duban.bot.wecom.media.MediaUpload;
import io.duban.storage.model.FileContent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The intelligent robot's chunked upload on the long connection: {@code aibot_upload_media_init} (type, filename,
 * total_size, total_chunks, md5) answers an {@code upload_id}; {@code aibot_upload_media_chunk} sends each chunk
 * (≤ 512 KB before base64, ≤ 100 chunks, index from 0); {@code aibot_upload_media_finish} answers the
 * {@code media_id}.
 */
public final class RobotMediaUploader {
    public static final String INIT = "aibot_upload_media_init";
    public static final String CHUNK = "aibot_upload_media_chunk";
    public static final String FINISH = "aibot_upload_media_finish";
    public static final int CHUNK_BYTES = 512 * 1024;
    public static final int MAX_CHUNKS = 100;

    private final LongConnection connection;
    private final Duration waitForAck;

    public RobotMediaUploader(LongConnection connection, Duration waitForAck) {
        this.connection = connection;
        this.waitForAck = waitForAck;
    }

    public MediaUpload upload(MediaKind kind, FileContent file) {
        var refused = kind.refuse(file);
        if (refused.isPresent()) {
            return new MediaUpload.NotUploaded(refused.get());
        }
        byte[] bytes = file.bytes();
        int chunks = (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        if (chunks > MAX_CHUNKS) {
            return new MediaUpload.NotUploaded(SendResult.failed(file.fileName() + " needs " + chunks
                    + " chunks; the robot's upload takes at most " + MAX_CHUNKS));
        }
        ObjectNode init = JsonNodeFactory.instance.objectNode()
                .put("type", kind.wireType()).put("filename", file.fileName()).put("total_size", bytes.length)
                .put("total_chunks", chunks).put("md5", md5(bytes));
        Answer started = request(INIT, init);
        if (started.failure != null) {
            return new MediaUpload.NotUploaded(started.failure);
        }
        String uploadId = started.frame.body().path("upload_id").asText("");
        if (uploadId.isEmpty()) {
            return new MediaUpload.NotUploaded(SendResult.retry(INIT + " answered without upload_id"));
        }
        for (int i = 0; i < chunks; i++) {
            byte[] part = Arrays.copyOfRange(bytes, i * CHUNK_BYTES, Math.min(bytes.length, (i + 1) * CHUNK_BYTES));
            ObjectNode chunk = JsonNodeFactory.instance.objectNode().put("upload_id", uploadId).put("chunk_index", i)
                    .put("base64_data", Base64.getEncoder().encodeToString(part));
            Answer sent = request(CHUNK, chunk);
            if (sent.failure != null) {
                return new MediaUpload.NotUploaded(sent.failure);
            }
        }
        Answer finished = request(FINISH, JsonNodeFactory.instance.objectNode().put("upload_id", uploadId));
        if (finished.failure != null) {
            return new MediaUpload.NotUploaded(finished.failure);
        }
        String mediaId = finished.frame.body().path("media_id").asText("");
        return mediaId.isEmpty() ? new MediaUpload.NotUploaded(SendResult.retry(FINISH + " answered without media_id"))
                : new MediaUpload.Uploaded(mediaId);
    }

    private record Answer(WsFrame frame, SendResult failure) {
    }

    private Answer request(String cmd, ObjectNode body) {
        try {
            WsFrame ack = connection.request(cmd, null, body).get(waitForAck.toMillis(), TimeUnit.MILLISECONDS);
            SendResult r = WeComErrors.classify(ack.errcodeOrZero(), ack.errmsg());
            return r instanceof SendResult.Ok ? new Answer(ack, null) : new Answer(ack, r);
        } catch (ExecutionException e) {
            String reason = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            return new Answer(null, connection.state() != ConnectionState.ONLINE ? SendResult.unavailable(reason)
                    : SendResult.retry(reason));
        } catch (TimeoutException e) {
            return new Answer(null, SendResult.retry("no ack for " + cmd + " within " + waitForAck.toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, SendResult.retry("interrupted"));
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
