package dev.pulleykit.wasmtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulleykit.wasmtime.internal.Layouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binding's layouts were transcribed by hand from the pinned headers; this test asks a C
 * compiler what those headers really say (sizeof, offsetof, the kind constants) and compares.
 * The headers come from ./kit setup (crate wasmtime-c-api-impl of the pinned version).
 */
class LayoutsMatchHeadersTest {

    private static final Map<String, Long> EXPECTED = new LinkedHashMap<>();
    static {
        EXPECTED.put("sizeof(wasm_byte_vec_t)", Layouts.VEC.byteSize());
        EXPECTED.put("offsetof(wasm_byte_vec_t, data)", Layouts.VEC_DATA);
        EXPECTED.put("sizeof(wasmtime_component_val_t)", Layouts.VAL.byteSize());
        EXPECTED.put("offsetof(wasmtime_component_val_t, of)", Layouts.VAL_OF);
        EXPECTED.put("offsetof(wasmtime_component_val_t, of.list.data)", Layouts.VAL_OF_DATA);
        EXPECTED.put("offsetof(wasmtime_component_val_t, of.variant.val)", Layouts.VARIANT_VAL);
        EXPECTED.put("offsetof(wasmtime_component_val_t, of.result.val)", Layouts.VAL_OF_DATA);
        EXPECTED.put("offsetof(wasmtime_component_val_t, of.option)", Layouts.VAL_OF);
        EXPECTED.put("sizeof(wasmtime_component_valrecord_entry_t)", Layouts.RECORD_ENTRY.byteSize());
        EXPECTED.put("offsetof(wasmtime_component_valrecord_entry_t, val)", Layouts.RECORD_ENTRY_VAL);
        EXPECTED.put("sizeof(wasmtime_component_func_t)", Layouts.FUNC.byteSize());
        EXPECTED.put("sizeof(wasmtime_component_instance_t)", Layouts.INSTANCE.byteSize());
        EXPECTED.put("sizeof(wasmtime_component_valtype_t)", Layouts.VALTYPE.byteSize());
        EXPECTED.put("offsetof(wasmtime_component_valtype_t, of)", Layouts.VALTYPE_OF);
        EXPECTED.put("sizeof(wasmtime_component_item_t)", Layouts.ITEM.byteSize());
        EXPECTED.put("offsetof(wasmtime_component_item_t, of)", Layouts.ITEM_OF);
        EXPECTED.put("WASMTIME_COMPONENT_STRING", (long) Layouts.STRING);
        EXPECTED.put("WASMTIME_COMPONENT_OPTION", (long) Layouts.OPTION);
        EXPECTED.put("WASMTIME_COMPONENT_FLAGS", (long) Layouts.FLAGS);
        EXPECTED.put("WASMTIME_COMPONENT_MAP", (long) Layouts.MAP);
        EXPECTED.put("WASMTIME_COMPONENT_VALTYPE_U8", (long) Layouts.T_U8);
        EXPECTED.put("WASMTIME_COMPONENT_VALTYPE_OPTION", (long) Layouts.T_OPTION);
        EXPECTED.put("WASMTIME_COMPONENT_VALTYPE_MAP", (long) Layouts.T_MAP);
        EXPECTED.put("WASMTIME_COMPONENT_ITEM_COMPONENT_FUNC", (long) Layouts.ITEM_COMPONENT_FUNC);
        EXPECTED.put("WASMTIME_COMPONENT_ITEM_TYPE", (long) Layouts.ITEM_TYPE);
    }

    @Test void layoutsAreWhatTheHeadersSay(@TempDir Path dir) throws Exception {
        Path include = Wasmtime.cacheDir().resolve("wasmtime-" + Wasmtime.version()).resolve("include");
        assertTrue(Files.isRegularFile(include.resolve("wasmtime.h")), "no pinned headers at " + include + ": run ./kit setup");
        StringBuilder c = new StringBuilder("#include <stddef.h>\n#include <stdio.h>\n#include <wasmtime.h>\nint main(void) {\n");
        for (String expr : EXPECTED.keySet()) {
            c.append("  printf(\"%s=%zu\\n\", \"").append(expr).append("\", (size_t)(").append(expr).append("));\n");
        }
        c.append("  return 0;\n}\n");
        Path source = Files.writeString(dir.resolve("probe.c"), c);
        Path exe = dir.resolve("probe");
        run(List.of("cc", "-std=c11", "-I", include.toString(), "-o", exe.toString(), source.toString()));
        String out = run(List.of(exe.toString()));
        Map<String, Long> actual = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            int eq = line.lastIndexOf('=');
            actual.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        assertEquals(EXPECTED, actual);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + " failed:\n" + out);
        return out;
    }
}
