package dev.pulleykit.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulleykit.wasmtime.EngineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The course's guests as the build left them inside lib.jar: each guest's component
 * ({@code guests/NAME.component.wasm}) and its precompiled artifact ({@code guests/NAME.cwasm}),
 * described by {@code guests/index.json}. Loading these needs no Rust and no compiler.
 */
public final class BundledGuests {
    private BundledGuests() {}

    public static final String INDEX = "/guests/index.json";

    /** The names of the bundled guests. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        index().path("guests").forEach(g -> names.add(g.path("name").asText()));
        return names;
    }

    /** A guest's artifact; its bytes must match the digest the build recorded, or the jar is damaged. */
    public static Artifact artifact(String guest) {
        JsonNode entry = entry(guest);
        JsonNode idx = index();
        byte[] bytes = resource(entry.path("artifact").asText());
        String recorded = entry.path("artifactSha256").asText();
        if (!Artifact.sha256(bytes).equals(recorded)) {
            throw new KitException("guests/" + entry.path("artifact").asText() + " in lib.jar does not match its recorded SHA-256: "
                + "the jar is damaged. Rebuild it with ./kit build.");
        }
        try {
            EngineConfig profile = MAPPER.treeToValue(idx.path("profile"), EngineConfig.class);
            return new Artifact(guest, bytes, profile, idx.path("wasmtime").asText(), recorded);
        } catch (IOException e) {
            throw Tools.io("reading the profile in " + INDEX, e);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static ComponentBytes component(String guest) {
        return new ComponentBytes(guest, resource(entry(guest).path("component").asText()));
    }

    private static JsonNode entry(String guest) {
        for (JsonNode g : index().path("guests")) if (g.path("name").asText().equals(guest)) return g;
        throw new KitException("lib.jar has no guest named '" + guest + "'; it has " + names() + ".");
    }

    private static volatile JsonNode index;

    static JsonNode index() {
        JsonNode i = index;
        if (i == null) {
            try (InputStream in = BundledGuests.class.getResourceAsStream(INDEX)) {
                if (in == null) throw new KitException("lib.jar has no " + INDEX + ": it was built without its guests. Rebuild it with ./kit build.");
                index = i = MAPPER.readTree(in);
            } catch (IOException e) {
                throw Tools.io("reading " + INDEX, e);
            }
        }
        return i;
    }

    private static byte[] resource(String file) {
        try (InputStream in = BundledGuests.class.getResourceAsStream("/guests/" + file)) {
            if (in == null) throw new KitException("lib.jar lists guests/" + file + " but does not contain it. Rebuild it with ./kit build.");
            return in.readAllBytes();
        } catch (IOException e) {
            throw Tools.io("reading guests/" + file, e);
        }
    }
}
