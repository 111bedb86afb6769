package io.duban.storage.jdbi;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one unit of work (one inbound message, one request) has already read, so that a board over 1,000 tasks asks
 * for the closures once instead of once per task. Lives on the thread of the unit of work; a write to a table
 * forgets what was read from it.
 */
public final class WorkScope {
    private static final ThreadLocal<WorkScope> CURRENT = new ThreadLocal<>();

    private final Map<Object, Object> memo = new HashMap<>();
    private int depth;

    private WorkScope() {
    }

    /** Opens the thread's scope (or joins the open one); close the result when the unit of work ends. */
    public static AutoCloseable enter() {
        WorkScope scope = CURRENT.get();
        if (scope == null) {
            scope = new WorkScope();
            CURRENT.set(scope);
        }
        scope.depth++;
        WorkScope entered = scope;
        return () -> {
            if (--entered.depth == 0) {
                CURRENT.remove();
            }
        };
    }

    /** Whether this thread is inside a unit of work. */
    static boolean active() {
        return CURRENT.get() != null;
    }

    /** The value read once per unit of work; outside one, read every time. */
    @SuppressWarnings("unchecked")
    static <T> T memo(Object key, Supplier<T> read) {
        WorkScope scope = CURRENT.get();
        if (scope == null) {
            return read.get();
        }
        Object value = scope.memo.get(key);
        if (value == null) {
            value = read.get();
            scope.memo.put(key, value);
        }
        return (T) value;
    }

    /** Forgets everything read under keys of this kind (a table was written). */
    static void forget(Class<?> kind) {
        WorkScope scope = CURRENT.get();
        if (scope != null) {
            scope.memo.keySet().removeIf(kind::isInstance);
        }
    }
}
