package io.duban.storage;

import io.duban.storage.jdbi.JdbiChatRepository;
import io.duban.storage.jdbi.JdbiClosureRepository;
import io.duban.storage.jdbi.JdbiInboundMessageRepository;
import io.duban.storage.jdbi.JdbiJobRunRepository;
import io.duban.storage.jdbi.JdbiOutboxRepository;
import io.duban.storage.jdbi.JdbiPersonRepository;
import io.duban.storage.jdbi.JdbiReplyRouteRepository;
import io.duban.storage.jdbi.JdbiReportRepository;
import io.duban.storage.jdbi.JdbiReviewRepository;
import org.jdbi.v3.core.Jdbi;

/**
 * The bot's database: one {@link Jdbi} built at start, migrated, and the repositories on top of it. Jdbi and SQL
 * stay inside this module; the rest of the bot sees repository interfaces and records.
 */
public final class Storage implements AutoCloseable {
    private final Database database;
    private final InboundMessageRepository inbound;
    private final ReportRepository reports;
    private final PersonRepository people;
    private final ChatRepository chats;
    private final OutboxRepository outbox;
    private final JobRunRepository jobRuns;
    private final ReplyRouteRepository replyRoutes;
    private final ReviewRepository reviews;
    private final ClosureRepository closures;

    private Storage(Database database) {
        this.database = database;
        Jdbi jdbi = database.jdbi();
        this.inbound = new JdbiInboundMessageRepository(jdbi);
        this.reports = new JdbiReportRepository(jdbi);
        this.people = new JdbiPersonRepository(jdbi);
        this.chats = new JdbiChatRepository(jdbi);
        this.outbox = new JdbiOutboxRepository(jdbi);
        this.jobRuns = new JdbiJobRunRepository(jdbi);
        this.replyRoutes = jdbi.onDemand(JdbiReplyRouteRepository.class);
        this.reviews = new JdbiReviewRepository(jdbi);
        this.closures = new JdbiClosureRepository(jdbi);
    }

    /** Opens (creating if needed) and migrates the database at a JDBC URL such as {@code jdbc:sqlite:data/duban.db}. */
    public static Storage open(String jdbcUrl) {
        return new Storage(Database.open(jdbcUrl));
    }

    public Database database() {
        return database;
    }

    public InboundMessageRepository inbound() {
        return inbound;
    }

    public ReportRepository reports() {
        return reports;
    }

    public PersonRepository people() {
        return people;
    }

    public ChatRepository chats() {
        return chats;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public JobRunRepository jobRuns() {
        return jobRuns;
    }

    public ReplyRouteRepository replyRoutes() {
        return replyRoutes;
    }

    public ReviewRepository reviews() {
        return reviews;
    }

    public ClosureRepository closures() {
        return closures;
    }

    @Override
    public void close() {
        database.close();
    }
}
