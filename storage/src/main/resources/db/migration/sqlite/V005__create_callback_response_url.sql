-- The intelligent robot's HTTP callback carries a response_url for its one asynchronous reply (issue 6). It is kept
-- by inbound message id, so that the outbox drainer can send a reply addressed to that message after a restart too.
CREATE TABLE callback_response_url (
    message_id   TEXT   NOT NULL PRIMARY KEY,
    response_url TEXT   NOT NULL,
    created_at   BIGINT NOT NULL
);
