-- Issue 14: every inbound message writes its reply route, in the same transaction as the message. The table was a
-- rowid table with two more b-trees (the primary-key index and an index on received_at), three pages written per
-- message. Now the rows live in their primary key (WITHOUT ROWID), and pruning the routes older than the reply
-- window (once a day, a table of about one day of messages) reads the whole table instead of an index.
CREATE TABLE reply_route_by_message (
    message_id      TEXT    PRIMARY KEY,
    transport       TEXT    NOT NULL,
    transport_ref   TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    chat_type       TEXT    NOT NULL,
    received_at     BIGINT  NOT NULL
) WITHOUT ROWID;
INSERT INTO reply_route_by_message (message_id, transport, transport_ref, conversation_id, chat_type, received_at)
SELECT message_id, transport, transport_ref, conversation_id, chat_type, received_at FROM reply_route;
DROP TABLE reply_route;
ALTER TABLE reply_route_by_message RENAME TO reply_route;
