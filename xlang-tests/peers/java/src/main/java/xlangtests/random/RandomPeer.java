package xlangtests.random;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fory.Fory;
import org.apache.fory.logging.LoggerFactory;
import org.apache.fory.memory.MemoryBuffer;
import org.apache.fory.serializer.BufferObject;
import org.apache.fory.serializer.UnionSerializer;
import org.apache.fory.type.union.Union;
import xlangtests.peer.CountingBuffers;
import xlangtests.random.Schema.Case;
import xlangtests.random.Schema.UserType;

/**
 * The Java side of the generative suite (xlang-tests/GENERATIVE.md):
 *
 * <pre>
 *   random gen CASES OUT     writes every case of the cases file CASES into OUT/&lt;name&gt;.bin
 *   random check CASES IN    reads IN/&lt;name&gt;.bin of every case whose file exists and compares
 * </pre>
 *
 * The types of all the file's cases are generated as Java source ({@link SourceGen}), compiled in
 * one run of the JDK's compiler and loaded ({@link Compiler}). Each case then gets a fresh Fory
 * configured as in the rest of this peer (xlang, the case's mode and reference tracking, class
 * registration required) with the case's registrations. One line per case on stdout, {@code OK}
 * or {@code FAIL} (this peer expresses every case the generator gives it, so it has no {@code
 * SKIP}); a summary with timings on stderr. Exit 0 when the file could be read at all, 2 on bad
 * usage or an unreadable file.
 */
public final class RandomPeer {
  private RandomPeer() {}

  public static void main(String[] args) throws IOException {
    if (System.getenv("FORY_PEER_LOG") == null) {
      LoggerFactory.disableLogging();
    }
    if (args.length != 3 || !(args[0].equals("gen") || args[0].equals("check"))) {
      System.err.println("usage: run random gen CASES OUT | run random check CASES IN");
      System.exit(2);
    }
    boolean gen = args[0].equals("gen");
    Path dir = Paths.get(args[2]);
    long t0 = System.nanoTime();
    List<Case> cases;
    try (Reader r = Files.newBufferedReader(Paths.get(args[1]), StandardCharsets.UTF_8)) {
      cases = Schema.cases(JsonParser.parseReader(r).getAsJsonObject());
    } catch (IOException | RuntimeException e) {
      System.err.println("java random: cannot read " + args[1] + ": " + e);
      System.exit(2);
      return;
    }
    // The sources, one unit per case; a case whose source cannot be made fails alone.
    Map<String, String> units = new LinkedHashMap<>();
    Map<String, String> failures = new LinkedHashMap<>();
    for (Case c : cases) {
      try {
        units.put(SourceGen.holder(c), SourceGen.source(c));
      } catch (RuntimeException e) {
        failures.put(SourceGen.holder(c), "source: " + describe(e));
      }
    }
    long t1 = System.nanoTime();
    Compiler.Result compiled = Compiler.compile(units, Compiler.cacheRoot());
    failures.putAll(compiled.failures);
    long t2 = System.nanoTime();
    if (gen) {
      Files.createDirectories(dir);
    }
    int ok = 0;
    int failed = 0;
    int absent = 0;
    for (Case c : cases) {
      String failure = failures.get(SourceGen.holder(c));
      if (failure != null) {
        System.out.println("FAIL " + c.name + ": compile: " + failure);
        failed++;
        continue;
      }
      Path file = dir.resolve(c.name + ".bin");
      if (!gen && !Files.exists(file)) {
        absent++;
        continue;
      }
      String why;
      try {
        why = gen ? gen(c, compiled.loader, file) : check(c, compiled.loader, file);
      } catch (Throwable t) {
        why = describe(t);
      }
      if (why == null) {
        System.out.println("OK " + c.name);
        ok++;
      } else {
        System.out.println("FAIL " + c.name + ": " + why);
        failed++;
      }
    }
    long t3 = System.nanoTime();
    System.err.printf(
        "java random %s: %d OK, %d FAIL%s; read %d ms, compile %d ms%s, cases %d ms%n",
        args[0],
        ok,
        failed,
        absent > 0 ? ", " + absent + " without a file" : "",
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        compiled.cached ? " (cached)" : "",
        (t3 - t2) / 1_000_000);
  }

  /**
   * Set RANDOM_PEER_CODEGEN=0 to run fory-core without its generated serializers (a diagnosis aid
   * only: the suite runs the default, code generation on).
   */
  private static final boolean CODEGEN = !"0".equals(System.getenv("RANDOM_PEER_CODEGEN"));

  /** A fresh Fory for the case, with its registrations. */
  static Fory fory(Case c, JsonValues values) {
    Fory fory =
        Fory.builder()
            .withXlang(true)
            .withCompatible(c.compatible)
            .withRefTracking(c.refTracking)
            .requireClassRegistration(true)
            .withCodegen(CODEGEN)
            .build();
    for (UserType t : c.types.values()) {
      Class<?> cls = values.classOf(t.name);
      if (t.kind.equals("union")) {
        @SuppressWarnings("unchecked")
        Class<? extends Union> u = (Class<? extends Union>) cls;
        UnionSerializer s = new UnionSerializer(fory.getTypeResolver(), u);
        if (t.id != null) {
          fory.registerUnion(cls, t.id, s);
        } else {
          fory.registerUnion(cls, t.namespace, t.typeName, s);
        }
      } else if (t.id != null) {
        fory.register(cls, t.id);
      } else {
        fory.register(cls, t.namespace, t.typeName);
      }
    }
    return fory;
  }

  /** Writes the case's value; null when done, else why not. */
  private static String gen(Case c, ClassLoader loader, Path file) throws IOException {
    JsonValues values = new JsonValues(c, loader);
    Fory fory = fory(c, values);
    Object value;
    try {
      value = values.root();
    } catch (RuntimeException e) {
      return "build the value: " + describe(e);
    }
    List<byte[]> buffers = new ArrayList<>();
    byte[] bytes;
    try {
      if (c.callback == null) {
        bytes = fory.serialize(value);
      } else {
        int[] seen = {0};
        bytes =
            fory.serialize(
                value,
                (BufferObject b) -> {
                  if (c.inBand(seen[0]++)) {
                    return true;
                  }
                  MemoryBuffer m = b.toBuffer();
                  buffers.add(m.getBytes(0, m.size()));
                  return false;
                });
      }
    } catch (Throwable t) {
      return "encode: " + describe(t);
    }
    Files.write(file, bytes);
    for (int i = 0; i < buffers.size(); i++) {
      Files.write(bufferFile(file, i), buffers.get(i));
    }
    for (int i = buffers.size(); Files.deleteIfExists(bufferFile(file, i)); i++) {
      // Stale buffers of an earlier run.
    }
    return null;
  }

  /** Reads the case's file and compares; null when equal, else the error or first difference. */
  private static String check(Case c, ClassLoader loader, Path file) throws IOException {
    JsonValues values = new JsonValues(c, loader);
    Fory fory = fory(c, values);
    byte[] bytes = Files.readAllBytes(file);
    List<byte[]> buffers = new ArrayList<>();
    for (Path p = bufferFile(file, 0); Files.exists(p); p = bufferFile(file, buffers.size())) {
      buffers.add(Files.readAllBytes(p));
    }
    Object got;
    CountingBuffers counting = new CountingBuffers(buffers);
    try {
      if (c.callback == null) {
        got = fory.deserialize(bytes);
      } else {
        got = fory.deserialize(bytes, counting);
      }
    } catch (Throwable t) {
      return "decode"
          + (buffers.isEmpty() ? "" : " with " + buffers.size() + " out-of-band buffer(s)")
          + ": "
          + describe(t);
    }
    if (c.callback != null && counting.taken() != buffers.size()) {
      return "decoding used "
          + counting.taken()
          + " of the "
          + buffers.size()
          + " out-of-band buffers ("
          + file.getFileName()
          + ".0 ...)";
    }
    if (c.callback == null && !buffers.isEmpty()) {
      return "the case has no buffer callback, but " + buffers.size() + " buffer file(s) exist";
    }
    return values.diffRoot(got);
  }

  private static Path bufferFile(Path file, int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  /**
   * The exception and its causes on one line; a long message (fory-core's code generator puts the
   * whole generated source in it) keeps its start and its end, where the error is.
   */
  static String describe(Throwable t) {
    if (System.getenv("RANDOM_PEER_TRACE") != null) {
      t.printStackTrace();
    }
    StringBuilder sb = new StringBuilder();
    String last = null;
    for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
      String m = String.valueOf(x.getMessage()).replaceAll("\\s+", " ");
      boolean root = x.getCause() == null || x.getCause() == x;
      if (last != null && last.contains(m) && !root) {
        continue;
      }
      if (m.length() > 300) {
        m = m.substring(0, 120) + " ... " + m.substring(m.length() - 180);
      }
      if (sb.length() > 0) {
        sb.append(" <- ");
      }
      sb.append(x.getClass().getSimpleName()).append(": ").append(m);
      last = m;
    }
    String s = sb.toString();
    return s.length() > 900 ? s.substring(0, 300) + " ... " + s.substring(s.length() - 600) : s;
  }
}
