-- One reply-route table (issue 9): every answer is addressed reply:<message id>, and reply_route says which transport
-- heard the message and with which handle it is answered (the long connection's req_id, the robot callback's
-- response_url). The callback's own table goes; its rows become routes. Routes are pruned after the reply window.
INSERT INTO reply_route (message_id, transport, transport_ref, conversation_id, chat_type, received_at)
SELECT message_id, 'wecom-callback', response_url, '', '', created_at FROM callback_response_url
WHERE message_id NOT IN (SELECT message_id FROM reply_route);
DROP TABLE callback_response_url;
