package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.schedule.RhythmService;
import java.time.Clock;
import java.util.List;

/**
 * {@code 立即提醒} (admins): reminds the units that still owe this week's reports, now, through the rhythm (private
 * nudge first, then the group reminder that @-mentions only their contacts; at most once an hour; never in quiet
 * hours or on non-working days). Register with {@code new RemindNowCommand(rhythm)}.
 */
public final class RemindNowCommand implements Command {
    private final Clock clock;
    private final RhythmService rhythm;

    public RemindNowCommand(RhythmService rhythm, Clock clock) {
        this.clock = clock;
        this.rhythm = rhythm;
    }

    @Override
    public String name() {
        return "立即提醒";
    }

    @Override
    public List<String> aliases() {
        return List.of("remind");
    }

    @Override
    public String summary() {
        return "立即提醒本周尚未报送的单位（先私聊联络员，再在单位群里 @ 联络员）";
    }

    @Override
    public String example() {
        return "立即提醒";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public boolean accepts(String args) {
        return args.isEmpty();
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        return Reply.of(rhythm.remindNow(clock.instant()));
    }
}
