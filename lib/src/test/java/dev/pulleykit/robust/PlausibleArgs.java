package dev.pulleykit.robust;

import dev.pulleykit.wasmtime.FuncType;
import dev.pulleykit.wasmtime.WitType;
import dev.pulleykit.wasmtime.WitValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Arguments of the right shape for any signature: for {@code option<string>}, {@code some("x")}. */
final class PlausibleArgs {
    private PlausibleArgs() {}

    /** One value per parameter, or null when a parameter has a type no value can be made for here (a resource handle). */
    static WitValue[] of(FuncType type) {
        WitValue[] args = new WitValue[type.params().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = value(type.params().get(i).type());
            if (args[i] == null) return null;
        }
        return args;
    }

    static WitValue value(WitType type) {
        return switch (type) {
            case WitType.Primitive p -> switch (p) {
                case BOOL -> new WitValue.Bool(true);
                case S8 -> new WitValue.S8((byte) -1);
                case U8 -> new WitValue.U8(1);
                case S16 -> new WitValue.S16((short) -1);
                case U16 -> new WitValue.U16(1);
                case S32 -> new WitValue.S32(-1);
                case U32 -> new WitValue.U32(1);
                case S64 -> new WitValue.S64(-1);
                case U64 -> new WitValue.U64(1);
                case F32 -> new WitValue.F32(1.5f);
                case F64 -> new WitValue.F64(1.5);
                case CHAR -> new WitValue.Char('x');
                case STRING -> new WitValue.Str("x");
            };
            case WitType.ListType l -> {
                WitValue e = value(l.element());
                yield e == null ? null : new WitValue.ListValue(List.of(e));
            }
            case WitType.RecordType r -> {
                Map<String, WitValue> fields = new LinkedHashMap<>();
                for (WitType.Field f : r.fields()) {
                    WitValue v = value(f.type());
                    if (v == null) yield null;
                    fields.put(f.name(), v);
                }
                yield new WitValue.RecordValue(fields);
            }
            case WitType.TupleType t -> {
                List<WitValue> elements = new ArrayList<>();
                for (WitType e : t.types()) {
                    WitValue v = value(e);
                    if (v == null) yield null;
                    elements.add(v);
                }
                yield new WitValue.TupleValue(elements);
            }
            case WitType.VariantType v -> {
                if (v.cases().isEmpty()) yield null;
                WitType.Case c = v.cases().getFirst();
                WitValue payload = c.payload() == null ? null : value(c.payload());
                yield c.payload() != null && payload == null ? null : new WitValue.VariantValue(c.name(), payload);
            }
            case WitType.EnumType e -> e.names().isEmpty() ? null : new WitValue.EnumValue(e.names().getFirst());
            case WitType.OptionType o -> {
                WitValue inner = value(o.inner());
                yield inner == null ? null : new WitValue.OptionValue(inner);
            }
            case WitType.ResultType r -> {
                WitValue ok = r.ok() == null ? null : value(r.ok());
                yield r.ok() != null && ok == null ? null : new WitValue.ResultValue(true, ok);
            }
            case WitType.FlagsType f -> new WitValue.FlagsValue(Set.of());
            case WitType.HandleType h -> null;
            case WitType.Unsupported u -> null;
        };
    }
}
