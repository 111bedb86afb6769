package io.duban.bot.wecom.app;

import io.duban.bot.outbox.Destination;
import io.duban.bot.outbox.OutboundChannel;
import io.duban.bot.outbox.RateLimit;
import io.duban.bot.outbox.SendResult;
import io.duban.bot.wecom.ApiResults;
import io.duban.bot.wecom.MessageSplitter;
import io.duban.bot.wecom.media.MediaCache;
import io.duban.bot.wecom.media.MediaKind;
import io.duban.bot.wecom.media.MediaUpload;
import io.duban.storage.model.FileContent;
import io.duban.storage.model.OutboundMessage;
import io.duban.storage.model.OutboxEntry;
import java.util.List;
import java.util.Optional;

/**
 * Private messages to a person through the self-built app ({@code message/send}). WeCom allows 30 a minute and
 * 1000 an hour per member and drops the excess silently, so the outbox keeps under both; text and markdown are
 * split at 2048 bytes.
 */
public final class AppChannel implements OutboundChannel {
    public static final List<RateLimit> LIMITS = List.of(RateLimit.perMinute(30), RateLimit.perHour(1000));
    static final int MAX_BYTES = 2048;

    private final WeComAppClient client;
    private final Optional<MediaCache> media;
    private final String mediaChannel;

    public AppChannel(WeComAppClient client) {
        this(client, Optional.empty(), "app");
    }

    /** @param mediaChannel names the app in the media cache (ids are shared by a corp's apps), e.g. {@code app:wwcorp} */
    public AppChannel(WeComAppClient client, Optional<MediaCache> media, String mediaChannel) {
        this.client = client;
        this.media = media;
        this.mediaChannel = mediaChannel;
    }

    @Override
    public Destination destination(OutboxEntry entry) {
        return new Destination("app member " + entry.message().address().value(), LIMITS);
    }

    @Override
    public List<String> parts(OutboxEntry entry) {
        OutboundMessage m = entry.message();
        if (m.format() == OutboundMessage.Format.IMAGE || m.format() == OutboundMessage.Format.FILE) {
            return List.of(FileContent.decode(m.content()).describe());
        }
        return MessageSplitter.split(m.content(), MAX_BYTES);
    }

    @Override
    public SendResult send(OutboxEntry entry, Part part) {
        String userId = entry.message().address().value();
        OutboundMessage.Format format = entry.message().format();
        if (format == OutboundMessage.Format.IMAGE || format == OutboundMessage.Format.FILE) {
            return sendMedia(userId, format == OutboundMessage.Format.IMAGE ? MediaKind.IMAGE : MediaKind.FILE,
                    FileContent.decode(entry.message().content()));
        }
        return ApiResults.toSendResult(entry.message().format() == OutboundMessage.Format.MARKDOWN
                ? client.sendMarkdown(userId, part.content())
                : client.sendText(userId, part.content()));
    }

    /** Uploads the file (or reuses its media id) with {@code media/upload}, then sends it by media id. */
    private SendResult sendMedia(String userId, MediaKind kind, FileContent file) {
        if (media.isEmpty()) {
            return SendResult.failed("app file messages need the media cache");
        }
        String channel = mediaChannel + ":" + kind.wireType();
        MediaUpload upload = media.get().mediaId(channel, file, () -> client.uploadMedia(kind, file));
        if (upload instanceof MediaUpload.NotUploaded no) {
            return no.why();
        }
        SendResult sent = ApiResults.toSendResult(client.sendMedia(userId, kind, ((MediaUpload.Uploaded) upload).mediaId()));
        if (sent instanceof SendResult.Failed f && f.reason().contains("40007")) {
            media.get().forget(channel, file);
            return SendResult.retry(f.reason() + " (media id expired; uploading again)");
        }
        return sent;
    }
}
