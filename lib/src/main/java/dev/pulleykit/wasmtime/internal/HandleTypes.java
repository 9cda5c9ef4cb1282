package dev.pulleykit.wasmtime.internal;

import dev.pulleykit.wasmtime.FuncType;
import dev.pulleykit.wasmtime.WitType;
import dev.pulleykit.wasmtime.WitType.HandleType;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The resource handles inside a WIT type: found in order, or replaced, at any depth. */
public final class HandleTypes {
    private HandleTypes() {}

    /** Every {@code own}/{@code borrow} inside {@code type}, depth first, in declaration order. */
    public static Stream<HandleType> in(WitType type) {
        return switch (type) {
            case null -> Stream.empty();
            case HandleType h -> Stream.of(h);
            case WitType.ListType(WitType e) -> in(e);
            case WitType.OptionType(WitType e) -> in(e);
            case WitType.ResultType(WitType ok, WitType err) -> Stream.concat(in(ok), in(err));
            case WitType.TupleType(List<WitType> ts) -> ts.stream().flatMap(HandleTypes::in);
            case WitType.RecordType(List<WitType.Field> fs) -> fs.stream().flatMap(f -> in(f.type()));
            case WitType.VariantType(List<WitType.Case> cs) -> cs.stream().flatMap(c -> in(c.payload()));
            default -> Stream.empty();
        };
    }

    /** Every handle in a function's parameters, then in its result. */
    public static Stream<HandleType> in(FuncType type) {
        return Stream.concat(type.params().stream().flatMap(p -> in(p.type())), in(type.result()));
    }

    /** {@code type} with each handle inside it replaced by {@code f}'s answer, visited in the order of {@link #in}. */
    public static WitType map(WitType type, UnaryOperator<HandleType> f) {
        return switch (type) {
            case null -> null;
            case HandleType h -> f.apply(h);
            case WitType.ListType(WitType e) -> new WitType.ListType(map(e, f));
            case WitType.OptionType(WitType e) -> new WitType.OptionType(map(e, f));
            case WitType.ResultType(WitType ok, WitType err) -> new WitType.ResultType(map(ok, f), map(err, f));
            case WitType.TupleType(List<WitType> ts) -> new WitType.TupleType(ts.stream().map(t -> map(t, f)).toList());
            case WitType.RecordType(List<WitType.Field> fs) ->
                new WitType.RecordType(fs.stream().map(x -> new WitType.Field(x.name(), map(x.type(), f))).toList());
            case WitType.VariantType(List<WitType.Case> cs) ->
                new WitType.VariantType(cs.stream().map(c -> new WitType.Case(c.name(), map(c.payload(), f))).toList());
            default -> type;
        };
    }
}
