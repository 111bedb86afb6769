package io.duban.bot.command;

import io.duban.bot.message.Reply;
import io.duban.bot.review.ReviewService;
import java.util.List;

/** {@code 核查 12 [单位] 通过}: the office passes a report; with no arguments, lists the unchecked ones. */
public final class ReviewCommand implements Command {
    private final ReviewService service;

    public ReviewCommand(ReviewService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "核查";
    }

    @Override
    public List<String> aliases() {
        return List.of("review");
    }

    @Override
    public String summary() {
        return "核查报送：通过；不带参数列出待核查的报送";
    }

    @Override
    public String example() {
        return "核查 12 农技中心 通过";
    }

    @Override
    public Access access() {
        return Access.ADMIN;
    }

    @Override
    public Reply handle(CommandContext ctx, String args) {
        return service.check(ctx.services().plan(), ctx.person(), args, ctx.inboundId());
    }
}
