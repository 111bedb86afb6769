-- Files and pictures sent into chats (issue 12) are uploaded to WeCom first; WeCom keeps an uploaded media id for
-- three days. The id is remembered per channel (a webhook robot, the intelligent robot, the self-built app) and
-- file content (SHA-256), so that sending the same 台账 or chart again reuses it while it is valid.
CREATE TABLE media_upload (
    channel     TEXT   NOT NULL,
    sha256      TEXT   NOT NULL,
    media_id    TEXT   NOT NULL,
    uploaded_at BIGINT NOT NULL,
    PRIMARY KEY (channel, sha256)
);
