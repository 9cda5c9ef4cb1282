package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.internal.ResourceTypes;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A resource type that the host defines and guests import, such as a pin in
 * {@code resource output-pin { constructor(number: u32); set: func(high: bool); }}.
 *
 * <p>The guest only ever holds a handle; the Java object behind it lives here, in a table
 * from a number (Wasmtime calls it the <em>rep</em>) to the object. Define it in a linker with
 * {@link Linker#defineResource}, then implement the resource's functions as ordinary host
 * functions: {@code [constructor]output-pin} returns a new object, {@code [method]output-pin.set}
 * gets the object as its first argument, {@code [static]output-pin.open-count} gets none.
 *
 * <p>Ownership follows the component model:
 * <ul>
 *   <li>An object enters the table when it first crosses to a guest, as the result of a
 *       constructor or as an argument.</li>
 *   <li>It leaves the table when its owner drops it: the guest drops its {@code own} handle
 *       (Wasmtime then calls the resource's destructor), or Java calls {@link #drop}. Either
 *       way the drop action given here runs once; by default it closes an {@link AutoCloseable}.</li>
 *   <li>An {@code own} handle that a guest passes to a host function is dropped when that
 *       function returns, unless the function kept it with {@link #take}.</li>
 *   <li>An {@code own} handle a guest export returns belongs to Java until Java passes it to a
 *       guest again or drops it.</li>
 *   <li>Handles a guest still owns when its store is closed are dropped then. That includes a
 *       store left unusable by a trap in the middle of a call.</li>
 * </ul>
 *
 * <p>The table is shared by every linker and store the resource is used with, and is safe to
 * use from several threads.
 */
public final class HostResource<T> {
    private final String name;
    private final int typeId;
    private final Consumer<? super T> onDrop;
    // Both maps are guarded by `this`.
    private final Map<Integer, T> byRep = new LinkedHashMap<>();
    private final Map<T, Integer> byObject = new IdentityHashMap<>();
    private int nextRep = 1;

    /** A resource named {@code name} (as in the WIT); dropping an object closes it if it is {@link AutoCloseable}. */
    public HostResource(String name) {
        this(name, HostResource::closeIfCloseable);
    }

    /** A resource named {@code name} (as in the WIT) that runs {@code onDrop} on each object its owner drops. */
    public HostResource(String name, Consumer<? super T> onDrop) {
        this.name = Objects.requireNonNull(name, "name");
        this.onDrop = Objects.requireNonNull(onDrop, "onDrop");
        this.typeId = ResourceTypes.register(this);
    }

    /** The resource's WIT name, e.g. {@code output-pin}. */
    public String name() { return name; }

    /** An owned handle to {@code object}, adding it to the table if it is not there yet. */
    public WitValue.Handle own(T object) { return new WitValue.Handle(this, repOf(object), true); }

    /** A borrowed handle to {@code object}, for an argument of type {@code borrow<...>}. */
    public WitValue.Handle borrow(T object) { return new WitValue.Handle(this, repOf(object), false); }

    /** The object behind {@code handle}; throws if its owner has dropped it. */
    public T get(WitValue.Handle handle) { return get(checkMine(handle).rep()); }

    /** The object with table number {@code rep}; throws if its owner has dropped it. */
    public synchronized T get(int rep) {
        T object = byRep.get(rep);
        if (object == null) {
            throw new IllegalStateException(name + " #" + rep + " is not live: its owner has dropped it (or it never existed). "
                + "Live: " + byRep.keySet());
        }
        return object;
    }

    /**
     * Removes an object from the table without running the drop action, and returns it: Java
     * takes it over. Give it the handle, or the object itself (as a {@code defineJava} host
     * function receives it). Use it in a host function that receives an {@code own} handle and
     * wants to keep the object.
     */
    public synchronized T take(Object handleOrObject) {
        int rep;
        if (handleOrObject instanceof WitValue.Handle h) {
            rep = checkMine(h).rep();
        } else {
            Integer r = byObject.get(handleOrObject);
            if (r == null) throw new IllegalStateException(handleOrObject + " is not in the table of " + name);
            rep = r;
        }
        T object = get(rep);
        byRep.remove(rep);
        byObject.remove(object);
        return object;
    }

    /** Drops the object behind {@code handle}: removes it from the table and runs the drop action. */
    public void drop(WitValue.Handle handle) { dropRep(checkMine(handle).rep()); }

    /** Drops {@code object} if it is in the table (see {@link #drop(WitValue.Handle)}); returns whether it was. */
    public boolean drop(T object) {
        Integer rep;
        synchronized (this) { rep = byObject.get(object); }
        return rep != null && dropRep(rep);
    }

    /** How many objects are in the table now. */
    public synchronized int liveCount() { return byRep.size(); }

    /** A snapshot of the table: rep to object, oldest first. */
    public synchronized Map<Integer, T> live() { return new LinkedHashMap<>(byRep); }

    /** Whether {@code object} is in the table. */
    public synchronized boolean isLive(T object) { return byObject.containsKey(object); }

    /** The number Wasmtime knows this resource type by; unique for the life of the JVM. */
    public int typeId() { return typeId; }

    /**
     * Removes {@code rep} and runs the drop action; false if it was not live. Called by
     * {@link #drop} and, through the linker, by Wasmtime when a guest drops its handle.
     */
    boolean dropRep(int rep) {
        T object;
        synchronized (this) {
            object = byRep.remove(rep);
            if (object == null) return false;
            byObject.remove(object);
        }
        onDrop.accept(object); // outside the lock: it is user code
        return true;
    }

    /** Accepts an object or a handle for a {@code own} or {@code borrow} parameter. */
    @SuppressWarnings("unchecked")
    WitValue.Handle handleFor(Object value, boolean own) {
        if (value instanceof WitValue.Handle h) {
            checkMine(h);
            return h.own() == own ? h : new WitValue.Handle(this, h.rep(), own);
        }
        return new WitValue.Handle(this, repOf((T) value), own);
    }

    private synchronized int repOf(T object) {
        Objects.requireNonNull(object, () -> "a " + name + " handle needs an object");
        Integer rep = byObject.get(object);
        if (rep != null) return rep;
        int fresh = nextRep++;
        byRep.put(fresh, object);
        byObject.put(object, fresh);
        return fresh;
    }

    private WitValue.Handle checkMine(WitValue.Handle handle) {
        if (handle.resource() != this) {
            throw new IllegalArgumentException(handle + " is a handle to " + handle.resource().name() + ", not to " + name);
        }
        return handle;
    }

    private static void closeIfCloseable(Object object) {
        if (object instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("closing " + object + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override public synchronized String toString() { return "resource " + name + " (" + byRep.size() + " live)"; }
}
