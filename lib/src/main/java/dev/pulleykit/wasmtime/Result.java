package dev.pulleykit.wasmtime;

import java.util.Optional;

/**
 * A WIT {@code result<T, E>} in Java: {@link Ok} or {@link Err}. A payload is null where the WIT
 * type has none ({@code result<_, E>} gives {@code Ok(null)}).
 *
 * <pre>{@code
 * switch (func.callAs(Result.class, 7)) {
 *     case Result.Ok<?, ?>(var value) -> ...
 *     case Result.Err<?, ?>(var error) -> ...
 * }
 * }</pre>
 */
public sealed interface Result<T, E> {

    record Ok<T, E>(T value) implements Result<T, E> {
        @Override public String toString() { return value == null ? "ok" : "ok(" + value + ")"; }
    }

    record Err<T, E>(E error) implements Result<T, E> {
        @Override public String toString() { return error == null ? "err" : "err(" + error + ")"; }
    }

    static <T, E> Result<T, E> ok(T value) { return new Ok<>(value); }

    static <T, E> Result<T, E> err(E error) { return new Err<>(error); }

    default boolean isOk() { return this instanceof Ok; }

    /** The ok payload; empty for an {@code Err} or an ok without payload. */
    default Optional<T> ok() { return this instanceof Ok<T, E>(T value) ? Optional.ofNullable(value) : Optional.empty(); }

    /** The err payload; empty for an {@code Ok} or an err without payload. */
    default Optional<E> err() { return this instanceof Err<T, E>(E error) ? Optional.ofNullable(error) : Optional.empty(); }
}
