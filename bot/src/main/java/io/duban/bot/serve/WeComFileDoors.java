package io.duban.bot.serve;

import io.duban.bot.message.ChatType;
import io.duban.bot.message.FileDoors;
import io.duban.bot.message.FileTarget;
import io.duban.bot.message.InboundMessage;
import io.duban.bot.wecom.WeComSettings;
import io.duban.bot.wecom.app.AppSettings;
import io.duban.bot.wecom.callback.CallbackServer;
import io.duban.bot.wecom.ws.CallbackMapper;

/**
 * Which WeCom door carries a file into the conversation a message came from, as {@code serve} wires them: in a
 * group, the group's webhook robot when it has a key (upload_media, then file), else the intelligent robot's long
 * connection when it heard the message (chunked upload); in a private chat, the long connection or the self-built
 * app. The robot's HTTP callback (response_url) carries no files. Without a door the answer names the setting.
 */
public final class WeComFileDoors implements FileDoors {
    private final WeComSettings wecom;
    private final boolean appEnabled;

    public WeComFileDoors(WeComSettings wecom, AppSettings app) {
        this.wecom = wecom;
        this.appEnabled = app.enabled() && app.problems().isEmpty();
    }

    @Override
    public FileTarget forAnswerTo(InboundMessage m) {
        boolean heardOnLongConnection = CallbackMapper.TRANSPORT.equals(m.transport()) && wecom.hasBotCredentials();
        if (m.chatType() == ChatType.GROUP) {
            String chatId = m.chatId().orElseThrow();
            if (wecom.webhookKey(chatId).isPresent()) {
                return new FileTarget.Group(chatId);
            }
            if (heardOnLongConnection) {
                return new FileTarget.AsReply();
            }
            return new FileTarget.Missing("本群还不能接收文件：请管理员为本群配置消息推送机器人的 webhook key（config/duban.yml 的 "
                    + "wecom.webhooks." + chatId + "，或环境变量 " + WeComSettings.webhookEnvName(chatId)
                    + "），或使用智能机器人长连接（WECOM_BOT_ID、WECOM_BOT_SECRET）。也可以私聊我发送同一命令。");
        }
        if (heardOnLongConnection || (CallbackServer.APP_TRANSPORT.equals(m.transport()) && appEnabled)) {
            return new FileTarget.AsReply();
        }
        if (appEnabled) {
            return new FileTarget.Person(m.senderId());
        }
        return new FileTarget.Missing("私聊还不能接收文件：请管理员配置自建应用（WECOM_CORP_ID、WECOM_AGENT_ID、"
                + "WECOM_AGENT_SECRET）或智能机器人长连接（WECOM_BOT_ID、WECOM_BOT_SECRET）。");
    }

    /** The doors of a configuration, or none (with the reason) when its WeCom settings cannot be read. */
    public static FileDoors of(io.duban.config.YamlNode rawSettings, java.util.Map<String, String> env) {
        try {
            return new WeComFileDoors(WeComSettings.from(rawSettings, env), AppSettings.read(rawSettings, env::get));
        } catch (RuntimeException e) {
            return FileDoors.none("企业微信设置有误，暂时不能发送文件。请管理员运行 ./duban config check 查看。");
        }
    }
}
