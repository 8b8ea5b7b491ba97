package dev.veto.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SPI's public API as sorted lines of text, one per public type, supertype, constructor, method, field,
 * record component and enum constant, with generic signatures — what a plugin compiled against the SPI
 * can depend on. API marked {@link Experimental} is left out: it carries no promise. Two snapshots compare
 * line by line.
 */
final class ApiSnapshot {

    private ApiSnapshot() {
    }

    /** The API of every public type compiled into the SPI's classes directory. */
    static Set<String> ofCompiledSpi() {
        try {
            Path classes = Path.of(SpiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Set<String> lines = new TreeSet<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                    name = name.substring(0, name.length() - ".class".length());
                    if (name.equals("module-info") || name.matches(".*\\$\\d+.*")) {
                        continue;
                    }
                    Class<?> type = Class.forName(name, false, SpiVersion.class.getClassLoader());
                    if (isVisible(type) && !type.isAnnotationPresent(Experimental.class)) {
                        lines.addAll(of(type));
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** The API lines of one type. */
    static List<String> of(Class<?> type) {
        String name = type.getName();
        List<String> lines = new ArrayList<>();
        lines.add(name + " : " + kind(type) + modifiers(type.getModifiers() & (Modifier.FINAL | Modifier.ABSTRACT | Modifier.STATIC)));
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum() && !type.isRecord()) {
            lines.add(name + " extends " + type.getGenericSuperclass().getTypeName());
        }
        for (Type implemented : type.getGenericInterfaces()) {
            lines.add(name + " implements " + implemented.getTypeName());
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                lines.add(name + " component " + component.getGenericType().getTypeName() + " " + component.getName());
            }
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                lines.add(name + " constant " + ((Enum<?>) constant).name());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isApi(constructor.getModifiers()) && !type.isEnum() && !constructor.isAnnotationPresent(Experimental.class)) {
                lines.add(name + " constructor(" + parameters(constructor) + ")" + exceptions(constructor));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (isApi(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
                    && !method.isAnnotationPresent(Experimental.class)) {
                String modifiers = method.isDefault() ? " default" : modifiers(method.getModifiers() & (Modifier.STATIC | Modifier.ABSTRACT | Modifier.FINAL));
                lines.add(name + " method" + modifiers + " " + typeParameters(method) + method.getGenericReturnType().getTypeName()
                        + " " + method.getName() + "(" + parameters(method) + ")" + exceptions(method));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (isApi(field.getModifiers()) && !field.isEnumConstant() && !field.isSynthetic()
                    && !field.isAnnotationPresent(Experimental.class)) {
                lines.add(name + " field" + modifiers(field.getModifiers() & (Modifier.STATIC | Modifier.FINAL)) + " "
                        + field.getGenericType().getTypeName() + " " + field.getName());
            }
        }
        return lines;
    }

    private static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String kind(Class<?> type) {
        return type.isAnnotation() ? "annotation" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers);
        return text.isEmpty() ? "" : " " + text;
    }

    private static String typeParameters(Method method) {
        if (method.getTypeParameters().length == 0) {
            return "";
        }
        return "<" + Arrays.stream(method.getTypeParameters())
                .map(p -> p.getName() + " extends " + Arrays.stream(p.getBounds()).map(Type::getTypeName).collect(Collectors.joining(" & ")))
                .collect(Collectors.joining(", ")) + "> ";
    }

    private static String parameters(Executable executable) {
        return Arrays.stream(executable.getGenericParameterTypes()).map(Type::getTypeName).collect(Collectors.joining(", "));
    }

    private static String exceptions(Executable executable) {
        Type[] thrown = executable.getGenericExceptionTypes();
        return thrown.length == 0 ? "" : " throws " + Arrays.stream(thrown).map(Type::getTypeName).collect(Collectors.joining(", "));
    }
}
