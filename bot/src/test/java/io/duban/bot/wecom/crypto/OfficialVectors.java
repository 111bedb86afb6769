package io.duban.bot.wecom.crypto;

/** The official WXBizMsgCrypt test vectors (WeCom's SDK samples), shared by the crypto and callback tests. */
public final class OfficialVectors {
    public static final String TOKEN = "QDG6eK";
    public static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public static final String RECEIVE_ID = "wx5823bf96d3bd56c7";

    public static final String URL_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public static final String URL_TIMESTAMP = "1409659589";
    public static final String URL_NONCE = "263014780";
    public static final String URL_ECHOSTR =
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    public static final String URL_ECHOSTR_AS_SENT =
            "P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D";
    public static final String URL_PLAINTEXT = "1616140317555161061";

    public static final String XML_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
    public static final String XML_TIMESTAMP = "1409659813";
    public static final String XML_NONCE = "1372623149";
    public static final String XML_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    public static final String XML_PLAINTEXT = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
            + "<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n"
            + "<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n"
            + "<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";

    public static final String JSON_SIGNATURE = "0623cbc5a8cbee5bcc137c70de99575366fc2af3";
    public static final String JSON_TIMESTAMP = "1409659813";
    public static final String JSON_NONCE = "1372623149";
    public static final String JSON_ENCRYPT = "CZWs4CWRpI4VolQlvn4dlEC1alN2MUEY2VklGehgBVLBrlVF7SyT+SV+Toj43l4ayJ9UMGKphktKKmP7B2j/P1ey67XB8PBgS7Wr5/8+w/yWriZv3Vmoo/MH3/1HsIWZrPQ3N2mJrelStIfI2Y8kLKXA7EhfZgZX4o+ffdkZDM76SEl79Ib9mw7TGjZ9Aw/x/A2VjNbV1E8BtEbRxYYcQippYNw7hr8sFfa3nW1xLdxokt8QkRX83vK3DFP2F6TQFPL2Tu98UwhcUpPvdJBuu1/yiOQIScppV3eOuLWEsko=";
    public static final String JSON_PLAINTEXT = "{\"ToUserName\":\"wx5823bf96d3bd56c7\",\"FromUserName\":\"mycreate\","
            + "\"CreateTime\": 1409659813,\"MsgType\":\"text\",\"Content\":\"hello\",\"MsgId\":4561255354251345929,"
            + "\"AgentID\": 218}";

    private OfficialVectors() {
    }

    public static WeComCrypto crypto() {
        return new WeComCrypto(TOKEN, AES_KEY, RECEIVE_ID);
    }
}
