// Pulley Kit: what ./kit jshell imports before your first line.
import dev.pulleykit.kit.*;
import dev.pulleykit.wasmtime.*;
import java.util.Optional;
