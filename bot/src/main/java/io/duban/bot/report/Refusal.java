package io.duban.bot.report;

import io.duban.plan.PlanTask;
import java.util.List;

/** Why a report, a "no change", a correction or a withdrawal was not stored; the command words it with an example. */
public sealed interface Refusal {

    /** The parser could not read the part; {@code explanation} is its answer, with a correct example. */
    record Unreadable(String explanation) implements Refusal {
    }

    /** The plan has no task with this number. */
    record UnknownTask(int number) implements Refusal {
    }

    /** The person's unit is neither lead nor responsible unit of the task; {@code own} are the tasks it has. */
    record NotAssigned(int number, List<PlanTask> own) implements Refusal {
        public NotAssigned {
            own = List.copyOf(own);
        }
    }

    /** The task is closed (销号). */
    record Closed(int number) implements Refusal {
    }

    /** The report gives metric figures for a task without a metric. */
    record NoKpi(int number) implements Refusal {
    }

    /** The numerator given is larger than the denominator. */
    record KpiExceeds(int numerator, int denominator) implements Refusal {
    }

    /** No percent was written and the unit never reported one on the task, so there is none to keep. */
    record NoPercentYet(String unit, int number) implements Refusal {
    }
}
