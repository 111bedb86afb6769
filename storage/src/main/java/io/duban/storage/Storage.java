package io.duban.storage;

import io.duban.storage.jdbi.JdbiChatRepository;
import io.duban.storage.jdbi.JdbiClosureRepository;
import io.duban.storage.jdbi.JdbiInboundMessageRepository;
import io.duban.storage.jdbi.JdbiInstanceRepository;
import io.duban.storage.jdbi.JdbiLeaseRepository;
import io.duban.storage.jdbi.JdbiJobRunRepository;
import io.duban.storage.jdbi.JdbiMediaUploadRepository;
import io.duban.storage.jdbi.JdbiMetricRepository;
import io.duban.storage.jdbi.JdbiMilestoneRepository;
import io.duban.storage.jdbi.JdbiProblemRepository;
import io.duban.storage.jdbi.JdbiOutboxRepository;
import io.duban.storage.jdbi.JdbiPersonRepository;
import io.duban.storage.jdbi.JdbiReplyRouteRepository;
import io.duban.storage.jdbi.JdbiReportRepository;
import io.duban.storage.jdbi.JdbiReportingChangeRepository;
import io.duban.storage.jdbi.JdbiReviewRepository;
import io.duban.storage.jdbi.WorkScope;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private final MediaUploadRepository mediaUploads;
    private final MilestoneRepository milestones;
    private final MetricRepository metrics;
    private final ProblemRepository problems;
    private final ReportingChangeRepository reportingChanges;
    private final InstanceRepository instances;
    private final LeaseRepository leases;

    private Storage(Database database) {
        this.database = database;
        Jdbi jdbi = database.jdbi();
        this.inbound = new JdbiInboundMessageRepository(jdbi);
        this.reports = new JdbiReportRepository(jdbi);
        this.people = new JdbiPersonRepository(jdbi);
        this.chats = new JdbiChatRepository(jdbi);
        this.outbox = new JdbiOutboxRepository(jdbi);
        this.jobRuns = new JdbiJobRunRepository(jdbi);
        this.replyRoutes = new JdbiReplyRouteRepository(jdbi);
        this.reviews = new JdbiReviewRepository(jdbi);
        this.closures = new JdbiClosureRepository(jdbi);
        this.mediaUploads = new JdbiMediaUploadRepository(jdbi);
        this.milestones = new JdbiMilestoneRepository(jdbi);
        this.metrics = new JdbiMetricRepository(jdbi);
        this.problems = new JdbiProblemRepository(jdbi);
        this.reportingChanges = new JdbiReportingChangeRepository(jdbi);
        this.instances = new JdbiInstanceRepository(jdbi);
        this.leases = new JdbiLeaseRepository(jdbi);
    }

    /** Opens (creating if needed) and migrates the database at a JDBC URL such as {@code jdbc:sqlite:data/duban.db}. */
    public static Storage open(String jdbcUrl) {
        return new Storage(Database.open(jdbcUrl));
    }

    public Database database() {
        return database;
    }

    /**
     * Runs {@code work} as one unit of work: every repository call it makes on this thread joins one database
     * transaction, which commits when the work returns and rolls back when it throws. Called inside another unit of
     * work it joins that one. What the work reads once (such as the closed tasks of a year) is remembered until the
     * unit ends. A storage failure comes out as a {@link StorageFault} naming the database and the cause.
     */
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return database.jdbi().inTransaction(h -> {
                try (AutoCloseable scope = WorkScope.enter()) {
                    return work.get();
                }
            });
        } catch (RuntimeException e) {
            throw StorageFault.of(e, database.displayName()).map(RuntimeException.class::cast).orElse(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A unit of reading; closing it ends the unit (or leaves the enclosing one open). */
    public interface Reading extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Opens a unit of reading on this thread without a database transaction, for work that only reads and may take
     * a while (a scheduled job composing its messages over every task): what it reads once, such as the closed tasks
     * of a year, is remembered until it is closed, so that a question per task is answered from memory instead of
     * one query per task. No write lock is held meanwhile. Inside a unit of work it joins that one.
     */
    public static Reading reading() {
        AutoCloseable scope = WorkScope.enter();
        return () -> {
            try {
                scope.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** {@link #inTransaction(Supplier)} for work without a result. */
    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Inside a unit of work: runs {@code work} under a savepoint. When it throws, everything it wrote is undone (the
     * rest of the unit stays) and {@code onFailure} decides the result, e.g. an apology recorded in its place.
     * Storage faults are not caught: they end the whole unit.
     */
    public <T> T attempt(Supplier<T> work, Function<RuntimeException, T> onFailure) {
        return database.jdbi().withHandle(h -> {
            if (!h.isInTransaction()) {
                throw new IllegalStateException("attempt() needs a unit of work (Storage.inTransaction)");
            }
            String savepoint = "attempt_" + SAVEPOINTS.get().incrementAndGet();
            h.savepoint(savepoint);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                if (StorageFault.of(e, database.displayName()).isPresent()) {
                    throw e;
                }
                h.rollbackToSavepoint(savepoint); // also forgets the savepoint
                return onFailure.apply(e);
            }
            h.releaseSavepoint(savepoint);
            return result;
        });
    }

    private static final ThreadLocal<java.util.concurrent.atomic.AtomicLong> SAVEPOINTS =
            ThreadLocal.withInitial(java.util.concurrent.atomic.AtomicLong::new);

    /** The fault that stopped storage (the file deleted or replaced), checked now; empty while all is well. */
    public Optional<StorageFault> health() {
        return database.health();
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

    public MediaUploadRepository mediaUploads() {
        return mediaUploads;
    }

    public MilestoneRepository milestones() {
        return milestones;
    }

    public MetricRepository metrics() {
        return metrics;
    }

    public ProblemRepository problems() {
        return problems;
    }

    /** Admins' changes to tasks' reporters and cadence (设置). */
    public ReportingChangeRepository reportingChanges() {
        return reportingChanges;
    }

    public InstanceRepository instances() {
        return instances;
    }

    public LeaseRepository leases() {
        return leases;
    }

    @Override
    public void close() {
        database.close();
    }
}
