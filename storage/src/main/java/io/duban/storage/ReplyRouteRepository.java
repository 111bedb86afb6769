package io.duban.storage;

import io.duban.storage.model.ReplyRoute;
import java.time.Instant;
import java.util.Optional;

/** Where replies to inbound messages go on the wire (kept so that a reply still finds its way after a restart). */
public interface ReplyRouteRepository {

    /** Stores the route; a repeated delivery of the same message replaces the transport's handle with the newer one. */
    void remember(ReplyRoute route);

    Optional<ReplyRoute> find(String messageId);

    /** Deletes routes received before {@code cutoff}. @return how many */
    int forgetBefore(Instant cutoff);
}
