package io.duban.bot.wecom.ws;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One frame of the long connection: {@code {"cmd","headers":{"req_id"},"body"}}, or an ack
 * {@code {"headers":{"req_id"},"errcode","errmsg"}} (no cmd).
 */
public record WsFrame(Optional<String> cmd, String reqId, JsonNode body, Optional<Integer> errcode, String errmsg) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public WsFrame {
        requireNonNull(cmd, "cmd is null");
        requireNonNull(reqId, "reqId is null");
        body = body == null ? JsonNodeFactory.instance.objectNode() : body;
        requireNonNull(errcode, "errcode is null");
        errmsg = errmsg == null ? "" : errmsg;
    }

    public static WsFrame command(String cmd, String reqId, JsonNode body) {
        return new WsFrame(Optional.of(cmd), reqId, body, Optional.empty(), "");
    }

    public boolean isAck() {
        return cmd.isEmpty();
    }

    public int errcodeOrZero() {
        return errcode.orElse(0);
    }

    /** Parses a frame; throws {@link IllegalArgumentException} for anything that is not one. */
    public static WsFrame parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String reqId = root.path("headers").path("req_id").asText("");
        Optional<String> cmd = root.hasNonNull("cmd") ? Optional.of(root.get("cmd").asText()) : Optional.empty();
        Optional<Integer> errcode = root.hasNonNull("errcode") ? Optional.of(root.get("errcode").asInt())
                : Optional.empty();
        return new WsFrame(cmd, reqId, root.get("body"), errcode, root.path("errmsg").asText(""));
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        cmd.ifPresent(c -> root.put("cmd", c));
        root.putObject("headers").put("req_id", reqId);
        if (cmd.isPresent()) {
            if (!body.isEmpty() || !"ping".equals(cmd.get())) {
                root.set("body", body);
            }
        } else {
            root.put("errcode", errcodeOrZero());
            root.put("errmsg", errmsg);
        }
        return root.toString();
    }
}
