package io.duban.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each SQLite connection of the pool as the bot uses it: its transactions wait for the file's {@link WriteTurn}, and
 * its prepared statements are kept for reuse.
 *
 * <p>Prepared statements are kept because preparing costs SQLite about a third of a short statement's
 * time, and the bot runs the same few dozen statements again and again. {@code close()} on a cached statement only
 * clears it for the next use; the statements are really closed with their connection (or when they fall out of the
 * per-connection LRU of {@value #PER_CONNECTION}). A statement still in use when the same SQL is prepared again
 * (a nested query) is not shared: the second caller gets a fresh, uncached one.
 */
final class StatementCache {
    static final int PER_CONNECTION = 128;

    private StatementCache() {
    }

    /**
     * The connection with a statement cache in front of it, whose transactions wait for their {@link WriteTurn}
     * (one per database file).
     */
    static Connection wrap(Connection connection, WriteTurn turn) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new CachingConnection(connection, turn));
    }

    private record Key(String sql, int generatedKeys, List<String> columns, int type, int concurrency) {
    }

    private static final class CachingConnection implements InvocationHandler {
        private final Connection target;
        private final Map<Key, Cached> statements = new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                if (size() > PER_CONNECTION && !eldest.getValue().inUse) {
                    eldest.getValue().closeQuietly();
                    return true;
                }
                return false;
            }
        };

        private final WriteTurn turn;
        /** Set and cleared by the connection's user; cleared also by a close on the pool's own thread. */
        private final java.util.concurrent.atomic.AtomicBoolean holdsTurn = new java.util.concurrent.atomic.AtomicBoolean();

        CachingConnection(Connection target, WriteTurn turn) {
            this.target = target;
            this.turn = turn;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                Key key = keyOf(sql, args);
                if (key != null) {
                    return prepare(key, method, args);
                }
            }
            if (name.equals("setAutoCommit") && args[0] instanceof Boolean autoCommit) {
                return setAutoCommit(method, args, autoCommit);
            }
            if (name.equals("close")) {
                for (Cached c : statements.values()) {
                    c.closeQuietly();
                }
                statements.clear();
                try {
                    return call(target, method, args);
                } finally {
                    endTurn();
                }
            }
            if (name.equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            return call(target, method, args);
        }

        /** Leaving auto-commit begins a write transaction (BEGIN IMMEDIATE): it waits for its turn first. */
        private Object setAutoCommit(Method method, Object[] args, boolean autoCommit) throws Throwable {
            if (!autoCommit && !holdsTurn.get() && target.getAutoCommit()) {
                holdsTurn.set(turn.begin());
                try {
                    return call(target, method, args);
                } catch (Throwable e) {
                    endTurn();
                    throw e;
                }
            }
            try {
                return call(target, method, args);
            } finally {
                if (autoCommit) {
                    endTurn();
                }
            }
        }

        private void endTurn() {
            if (holdsTurn.compareAndSet(true, false)) {
                turn.end();
            }
        }

        private static Key keyOf(String sql, Object[] args) {
            if (args.length == 1) {
                return new Key(sql, -1, List.of(), -1, -1);
            }
            if (args.length == 2 && args[1] instanceof Integer keys) {
                return new Key(sql, keys, List.of(), -1, -1);
            }
            if (args.length == 2 && args[1] instanceof String[] columns) {
                return new Key(sql, -1, Arrays.asList(columns), -1, -1);
            }
            // what Jdbi asks for every query and update: forward-only, read-only result sets
            if (args.length == 3 && args[1] instanceof Integer type && args[2] instanceof Integer concurrency) {
                return new Key(sql, -1, List.of(), type, concurrency);
            }
            return null; // holdability variants: not cached
        }

        private PreparedStatement prepare(Key key, Method method, Object[] args) throws Throwable {
            Cached cached = statements.get(key);
            if (cached != null && !cached.inUse) {
                cached.inUse = true;
                return cached.proxy;
            }
            PreparedStatement fresh = (PreparedStatement) call(target, method, args);
            if (cached != null) {
                return fresh; // the cached one is busy (a nested use of the same SQL)
            }
            Cached made = new Cached(fresh, () -> statements.remove(key));
            made.inUse = true;
            statements.put(key, made);
            return made.proxy;
        }
    }

    /**
     * One cached statement; its proxy's close() hands it back instead of closing it. A statement that failed (disk
     * full, a constraint, a lost file) is really closed and forgotten, so that no error state is carried over.
     */
    private static final class Cached implements InvocationHandler {
        final PreparedStatement target;
        final PreparedStatement proxy;
        private final Runnable forget;
        boolean inUse;
        private boolean failed;

        Cached(PreparedStatement target, Runnable forget) {
            this.target = target;
            this.forget = forget;
            this.proxy = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (inUse) {
                        inUse = false;
                        if (failed) {
                            forget.run();
                            closeQuietly();
                            return null;
                        }
                        try {
                            // Not clearParameters(): SQLite's clear_bindings expires a statement whose plan may
                            // depend on its parameters, and the next use prepares it again (measured: a join on
                            // current_report 6 µs → 24 µs). Every caller binds every parameter before executing.
                            target.clearBatch();
                        } catch (SQLException e) {
                            forget.run();
                            closeQuietly();
                        }
                    }
                    return null;
                }
                case "isClosed" -> {
                    return !inUse || target.isClosed();
                }
                default -> {
                    try {
                        return call(target, method, args);
                    } catch (SQLException e) {
                        failed = true;
                        throw e;
                    }
                }
            }
        }

        void closeQuietly() {
            try {
                target.close();
            } catch (SQLException ignored) {
                // closing a statement of a connection that is going away
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
