package io.duban.bot.wecom.callback;

import io.duban.bot.wecom.crypto.WeComCrypto;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Plays WeCom against a callback server on loopback: signs and encrypts like WeCom does, over real HTTP. */
final class FakeWeCom {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    FakeWeCom(String base) {
        this.base = base;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String query(String signature, String timestamp, String nonce) {
        return "?msg_signature=" + enc(signature) + "&timestamp=" + enc(timestamp) + "&nonce=" + enc(nonce);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String pathAndQuery, String body) throws IOException, InterruptedException {
        return send(pathAndQuery, "POST", body);
    }

    HttpResponse<String> send(String pathAndQuery, String method, String body)
            throws IOException, InterruptedException {
        return http.send(request(pathAndQuery, method, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    CompletableFuture<HttpResponse<String>> postAsync(String pathAndQuery, String body) {
        return http.sendAsync(request(pathAndQuery, "POST", body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String pathAndQuery, String method, String body) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    /** A robot callback as WeCom sends it: {@code {"encrypt":…}} plus the signed query string. */
    static Signed robotJson(WeComCrypto crypto, String plaintextJson, String timestamp, String nonce) {
        String encrypt = crypto.encrypt(plaintextJson);
        return new Signed(query(crypto.signature(timestamp, nonce, encrypt), timestamp, nonce),
                "{\"encrypt\":\"" + encrypt + "\"}");
    }

    /** An app callback as WeCom sends it: the XML envelope plus the signed query string. */
    static Signed appXml(WeComCrypto crypto, String plaintextXml, String timestamp, String nonce) {
        String encrypt = crypto.encrypt(plaintextXml);
        return new Signed(query(crypto.signature(timestamp, nonce, encrypt), timestamp, nonce), appEnvelope(encrypt));
    }

    static String appEnvelope(String encrypt) {
        return "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
                + "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
    }

    record Signed(String query, String body) {
    }
}
