package io.duban.bot.message;

import static java.util.Objects.requireNonNull;

/**
 * Which door carries a file into the conversation a message came from, or which setting is missing for it.
 */
public sealed interface FileTarget {
    /** The reply itself carries it (the intelligent robot's long connection, the self-built app's private chat). */
    record AsReply() implements FileTarget {
    }

    /** The group's message-push robot (webhook {@code upload_media}, then {@code file}). */
    record Group(String chatId) implements FileTarget {
        public Group {
            requireNonNull(chatId, "chatId is null");
        }
    }

    /** A private message to the person through the self-built app. */
    record Person(String userId) implements FileTarget {
        public Person {
            requireNonNull(userId, "userId is null");
        }
    }

    /** No door here can carry a file; {@code explanation} says, in Chinese, which setting would open one. */
    record Missing(String explanation) implements FileTarget {
        public Missing {
            requireNonNull(explanation, "explanation is null");
        }
    }
}
