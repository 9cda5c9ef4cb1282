package dev.pulleykit.wasmtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What reflection tells about a Java record or enum, in WIT names, computed once per class:
 * record component {@code sensorId} is field {@code sensor-id}, constant {@code LIGHT_BLUE}
 * or {@code LightBlue} is case {@code light-blue}.
 */
final class JavaShapes {
    private JavaShapes() {}

    /** A record class: its components by WIT field name, in declaration order, and how to build one. */
    record RecordShape(Class<?> type, Map<String, Component> components, Constructor<?> constructor) {
        Object newInstance(Object[] args) {
            try {
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new SignatureMismatchException("building a " + type.getSimpleName() + " failed: " + cause);
            }
        }

    }

    /** One record component with its accessor, made accessible once. */
    record Component(RecordComponent component, Method accessor) {
        String name() { return component.getName(); }

        Type genericType() { return component.getGenericType(); }

        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new SignatureMismatchException("reading " + name() + " of " + record.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }

    private static final ClassValue<RecordShape> RECORDS = new ClassValue<>() {
        @Override protected RecordShape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Map<String, Component> byWitName = new LinkedHashMap<>();
            try {
                for (RecordComponent c : components) {
                    Method accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    byWitName.put(kebab(c.getName()), new Component(c, accessor));
                }
                Constructor<?> constructor = type.getDeclaredConstructor(
                    List.of(components).stream().map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                return new RecordShape(type, byWitName, constructor);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new SignatureMismatchException("cannot use record " + type.getName() + " for WIT values: " + e
                    + ". Make the record public, or open its package to dev.pulleykit.wasmtime.");
            }
        }
    };

    private static final ClassValue<Map<String, Enum<?>>> ENUMS = new ClassValue<>() {
        @Override protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> byWitName = new LinkedHashMap<>();
            for (Object constant : type.getEnumConstants()) byWitName.put(kebab(((Enum<?>) constant).name()), (Enum<?>) constant);
            return Map.copyOf(byWitName);
        }
    };

    static RecordShape record(Class<?> type) { return RECORDS.get(type); }

    /** An enum's constants by WIT case name. */
    static Map<String, Enum<?>> enumConstants(Class<?> type) { return ENUMS.get(type); }

    /** Java's {@code SOME_NAME}, {@code SomeName} or {@code someName} as WIT's {@code some-name}. */
    static String kebab(String javaName) {
        if (javaName.equals(javaName.toUpperCase(Locale.ROOT))) return javaName.toLowerCase(Locale.ROOT).replace('_', '-');
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
