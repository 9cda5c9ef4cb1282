package dev.pulleykit.kit;

import dev.pulleykit.kit.show.Html;
import dev.pulleykit.kit.show.HtmlRenderable;
import dev.pulleykit.wasmtime.Component;
import dev.pulleykit.wasmtime.ComponentType;
import dev.pulleykit.wasmtime.Func;
import dev.pulleykit.wasmtime.Instance;
import dev.pulleykit.wasmtime.Linker;
import dev.pulleykit.wasmtime.Store;

/**
 * A component instantiated in a store of its own, with an empty linker: the reference's
 * {@code Linker<()>} and {@code Store<()>}. Close it to free the store.
 */
public final class RunningGuest implements AutoCloseable, HtmlRenderable {
    private final Store store;
    private final Instance instance;

    public RunningGuest(Component component) {
        this.store = new Store(component.engine());
        try (Linker linker = new Linker(component.engine())) {
            this.instance = linker.instantiate(store, component);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Calls an export with plain Java arguments: {@code guest.call("run", "Kevin")}. */
    public Object call(String export, Object... args) { return instance.call(export, args); }

    public Func func(String export) { return instance.func(export); }

    public Instance instance() { return instance; }

    public ComponentType type() { return instance.component().type(); }

    @Override public void close() { store.close(); }

    @Override public String toString() { return "RunningGuest\n" + type(); }

    @Override public String toHtml() {
        var rows = type().exports().stream().map(i -> new String[] {"export " + i.name(),
            i instanceof ComponentType.FuncItem f ? f.type().toString() : i.toString()}).toArray(String[][]::new);
        return Html.facts("Running guest", rows);
    }
}
