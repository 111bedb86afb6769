package io.duban.storage.jdbi;

import io.duban.storage.ReplyRouteRepository;
import io.duban.storage.model.ReplyRoute;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The reply routes as a Jdbi SqlObject: the record's components bind and map by name (receivedAt ↔ received_at). */
@RegisterArgumentFactory(EpochMillis.Arguments.class)
@RegisterColumnMapper(EpochMillis.Columns.class)
@RegisterConstructorMapper(ReplyRoute.class)
public interface JdbiReplyRouteRepository extends ReplyRouteRepository {

    @Override
    @SqlUpdate("""
            INSERT INTO reply_route (message_id, transport, transport_ref, conversation_id, chat_type, received_at)
            VALUES (:messageId, :transport, :transportRef, :conversationId, :chatType, :receivedAt)
            ON CONFLICT (message_id) DO UPDATE SET transport_ref = excluded.transport_ref,
                                                   received_at = excluded.received_at""")
    void remember(@BindMethods ReplyRoute route);

    @Override
    @SqlQuery("SELECT * FROM reply_route WHERE message_id = :messageId")
    Optional<ReplyRoute> find(@Bind("messageId") String messageId);

    @Override
    @SqlUpdate("DELETE FROM reply_route WHERE received_at < :cutoff")
    int forgetBefore(@Bind("cutoff") Instant cutoff);
}
