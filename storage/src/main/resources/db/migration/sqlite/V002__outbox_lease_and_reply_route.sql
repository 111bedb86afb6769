-- Outbox delivery: a sender claims a row with a lease (status 'sending', lease_owner, lease_until). A lease that runs
-- out (the sender died) returns the row to 'pending'. parts_sent counts the parts of a split message already
-- delivered, so that a retry resumes after them instead of repeating them.
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_lease ON outbox (status, lease_until);

-- How to answer an inbound message on the transport that heard it: for the WeCom long connection, the callback's
-- req_id, plus the conversation (chat id or user id) for a proactive fallback. Replies are allowed within 24 h.
CREATE TABLE reply_route (
    message_id      TEXT    PRIMARY KEY,
    transport       TEXT    NOT NULL,
    transport_ref   TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    chat_type       TEXT    NOT NULL,
    received_at     BIGINT  NOT NULL
);
CREATE INDEX reply_route_received ON reply_route (received_at);
