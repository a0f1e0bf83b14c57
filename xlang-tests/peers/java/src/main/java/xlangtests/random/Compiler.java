package xlangtests.random;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's compiler (one run for all of a file's units) and loads
 * them. The classes are kept under the cache directory by the hash of the sources and the
 * classpath, so a second run over the same cases file compiles nothing; the sources are kept
 * beside them ({@code src/Case_<name>.java}), and {@code failures.txt} lists the units that did
 * not compile.
 */
final class Compiler {
  private Compiler() {}

  /** The version of what a cache entry holds; part of its key. */
  private static final String LAYOUT = "classes, src/, failures.txt";

  /** How many compiled cases files the cache keeps (the most recently used). */
  private static final int KEEP = 16;

  /** The loaded classes, and the units that did not compile with the compiler's message. */
  static final class Result {
    final ClassLoader loader;
    final Map<String, String> failures;
    final boolean cached;

    Result(ClassLoader loader, Map<String, String> failures, boolean cached) {
      this.loader = loader;
      this.failures = failures;
      this.cached = cached;
    }
  }

  /**
   * Compiles {@code units} (top-level class name in {@link SourceGen#PACKAGE} to its source) into
   * {@code cacheRoot} (a temporary directory when null).
   */
  static Result compile(Map<String, String> units, Path cacheRoot) throws IOException {
    String classpath = System.getProperty("java.class.path");
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String header = LAYOUT + "\n" + System.getProperty("java.version") + "\n" + classpath + "\n";
    md.update(header.getBytes(UTF8));
    for (Map.Entry<String, String> u : units.entrySet()) {
      md.update((u.getKey() + "\n" + u.getValue() + "\n").getBytes(UTF8));
    }
    StringBuilder key = new StringBuilder();
    for (byte b : md.digest()) {
      key.append(String.format(Locale.ROOT, "%02x", b));
    }
    Path root = cacheRoot != null ? cacheRoot : Files.createTempDirectory("xlang-random");
    Files.createDirectories(root);
    Path dir = root.resolve(key.substring(0, 32));
    Path done = dir.resolve("failures.txt");
    boolean cached = Files.exists(done);
    Map<String, String> failures = new LinkedHashMap<>();
    if (cached) {
      for (String line : Files.readAllLines(done, UTF8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          failures.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
      Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.fromMillis(now()));
    } else {
      Path tmp = Files.createTempDirectory(root, key.substring(0, 8) + ".tmp");
      failures = javac(units, tmp, classpath);
      // The sources beside the classes, to read when a case fails.
      Path src = Files.createDirectories(tmp.resolve("src"));
      for (Map.Entry<String, String> u : units.entrySet()) {
        Files.write(src.resolve(u.getKey() + ".java"), u.getValue().getBytes(UTF8));
      }
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, String> f : failures.entrySet()) {
        sb.append(f.getKey()).append('\t').append(f.getValue()).append('\n');
      }
      Files.write(tmp.resolve("failures.txt"), sb.toString().getBytes(UTF8));
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Another run got there first: use its classes.
        deleteTree(tmp);
      }
      prune(root);
    }
    ClassLoader loader =
        new URLClassLoader(
            new java.net.URL[] {dir.toUri().toURL()}, Compiler.class.getClassLoader());
    return new Result(loader, failures, cached);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static long now() {
    return System.currentTimeMillis();
  }

  /**
   * Runs javac over every unit into {@code out}. A unit with errors is left out and the others
   * compiled again, so one bad case does not take the file's others with it.
   */
  private static Map<String, String> javac(Map<String, String> units, Path out, String classpath)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler (run with a JDK, not a JRE)");
    }
    Map<String, String> failures = new LinkedHashMap<>();
    Map<String, String> todo = new LinkedHashMap<>(units);
    while (!todo.isEmpty()) {
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, UTF8)) {
        fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
        List<JavaFileObject> sources = new ArrayList<>();
        for (Map.Entry<String, String> u : todo.entrySet()) {
          sources.add(new Source(u.getKey(), u.getValue()));
        }
        List<String> options =
            List.of(
                "-classpath", classpath, "--release", "17", "-proc:none", "-nowarn", "-g:none",
                "-implicit:none", "-Xlint:none");
        boolean ok = javac.getTask(null, fm, diagnostics, options, null, sources).call();
        if (ok) {
          break;
        }
        int before = failures.size();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() != Diagnostic.Kind.ERROR || !(d.getSource() instanceof Source)) {
            continue;
          }
          String unit = ((Source) d.getSource()).unit;
          failures.putIfAbsent(
              unit,
              ("line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                  .replaceAll("\\s+", " "));
          todo.remove(unit);
        }
        if (failures.size() == before) {
          // Errors that name no unit: give up on all of them.
          StringBuilder sb = new StringBuilder();
          for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            sb.append(d.getMessage(Locale.ROOT)).append("; ");
          }
          for (String u : todo.keySet()) {
            failures.put(u, sb.toString().replaceAll("\\s+", " "));
          }
          todo.clear();
        }
        deleteTree(out);
        Files.createDirectories(out);
      }
    }
    return failures;
  }

  /** A source held in memory. */
  private static final class Source extends SimpleJavaFileObject {
    final String unit;
    final String code;

    Source(String unit, String code) {
      super(
          URI.create(
              "string:///"
                  + SourceGen.PACKAGE.replace('.', '/')
                  + "/"
                  + unit
                  + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.unit = unit;
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  /** Deletes all but the {@link #KEEP} most recently used compiled files. */
  private static void prune(Path root) {
    try (Stream<Path> entries = Files.list(root)) {
      List<Path> dirs = new ArrayList<>();
      entries.filter(Files::isDirectory).forEach(dirs::add);
      dirs.sort(Comparator.comparingLong(Compiler::mtime).reversed());
      for (int i = KEEP; i < dirs.size(); i++) {
        deleteTree(dirs.get(i));
      }
    } catch (IOException | UncheckedIOException e) {
      // A cache we cannot prune is still a cache.
    }
  }

  private static long mtime(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      List<Path> paths = new ArrayList<>();
      all.forEach(paths::add);
      paths.sort(Comparator.reverseOrder());
      for (Path x : paths) {
        Files.deleteIfExists(x);
      }
    }
  }

  static Path cacheRoot() {
    String p = System.getProperty("xlangtests.random.cache");
    return p == null || p.isEmpty() ? null : Paths.get(p);
  }
}
