package io.duban.bot.console;

import io.duban.storage.model.FileContent;
import io.duban.storage.model.OutboundMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** Saves a file or picture the bot sent into the local chat, and says in one line where it is. */
final class LocalFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private LocalFiles() {
    }

    static String save(Path folder, OutboundMessage message, Clock clock) {
        String name;
        byte[] bytes;
        String kind;
        if (message.format() == OutboundMessage.Format.FILE) {
            FileContent file = FileContent.decode(message.content());
            name = file.fileName();
            bytes = file.bytes();
            kind = "文件";
        } else if (message.format() == OutboundMessage.Format.IMAGE) {
            name = "图片-" + LocalDateTime.now(clock).format(STAMP) + ".png";
            bytes = Base64.getDecoder().decode(message.content());
            kind = "图片";
        } else {
            return message.content();
        }
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(name);
            Files.write(target, bytes);
            return "[" + kind + "] " + name + "（" + Math.max(1, bytes.length / 1024) + " KB）· 终端里无法显示，已存到 "
                    + target.toAbsolutePath().normalize();
        } catch (IOException e) {
            return "[" + kind + "] " + name + "：无法存到 " + folder + "（" + e.getMessage() + "）";
        }
    }
}
