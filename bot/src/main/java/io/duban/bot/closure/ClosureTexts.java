package io.duban.bot.closure;

import io.duban.plan.PlanTask;
import io.duban.roster.Person;

/** The words of the notices a closure step sends; the chat layer writes them ({@code command.ClosureReplies}). */
public interface ClosureTexts {
    /** To every admin: a lead unit asks to close {@code task}. */
    String requestNotice(Person requester, PlanTask task, String evidence);

    /** To the requesting unit: the task is closed. */
    String approvedNotice(PlanTask task, String note);

    /** To the requesting unit: the request was returned. */
    String returnedNotice(PlanTask task, String reason);
}
