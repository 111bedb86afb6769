-- Issue 14: every answer inserts an outbox row, and each index on the outbox is one more page written per message.
-- The lease index serves only rows being sent (a lease that ran out, the rows one sender holds), so it now holds
-- only those: a new row ('pending') and the sent ones, nearly all of the table, are not in it.
DROP INDEX IF EXISTS outbox_lease;
CREATE INDEX outbox_sending ON outbox (lease_until) WHERE status = 'sending';
