package xlangtests.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.fory.Fory;
import org.apache.fory.logging.LoggerFactory;

/**
 * The Java peer of the conformance suite, on the pinned fory-core.
 *
 * <pre>
 *   gen DIR                           writes DIR/&lt;case&gt;.bin for every case it supports
 *   roundtrip CASE FILE [CASE FILE]   decodes FILE, checks the case's value, rewrites FILE
 * </pre>
 *
 * One line per case on stdout: OK / FAIL / UNSUPPORTED. Set FORY_PEER_LOG=1 to see fory-core's
 * own log lines (it logs to stdout, so they are off by default).
 */
public final class Peer {
  private Peer() {}

  public static void main(String[] args) throws IOException {
    if (System.getenv("FORY_PEER_LOG") == null) {
      LoggerFactory.disableLogging();
    }
    if (args.length == 2 && args[0].equals("gen")) {
      System.exit(gen(Paths.get(args[1])));
    } else if (args.length >= 3 && args.length % 2 == 1 && args[0].equals("roundtrip")) {
      boolean ok = true;
      for (int i = 1; i < args.length; i += 2) {
        ok &= roundtrip(args[i], Paths.get(args[i + 1]));
      }
      System.exit(ok ? 0 : 1);
    } else {
      System.err.println("usage: run gen DIR | run roundtrip CASE FILE [CASE FILE ...]");
      System.exit(2);
    }
  }

  private static int gen(Path dir) throws IOException {
    Files.createDirectories(dir);
    int rc = 0;
    for (Cases.Case c : Cases.all()) {
      if (c.unsupported != null) {
        System.out.println("UNSUPPORTED " + c.name + ": " + c.unsupported);
        continue;
      }
      try {
        byte[] bytes = c.fory().serialize(c.value.get());
        Files.write(dir.resolve(c.name + ".bin"), bytes);
      } catch (Throwable t) {
        System.out.println("FAIL " + c.name + ": encode: " + describe(t));
        rc = 1;
      }
    }
    return rc;
  }

  private static boolean roundtrip(String name, Path file) {
    Cases.Case c = Cases.find(name);
    if (c == null) {
      System.out.println("FAIL " + name + ": no such case in the Java peer");
      return false;
    }
    if (c.unsupported != null) {
      System.out.println("UNSUPPORTED " + name + ": " + c.unsupported);
      return true;
    }
    try {
      Fory fory = c.fory();
      byte[] in = Files.readAllBytes(file);
      Object got;
      try {
        got = fory.deserialize(in);
      } catch (Throwable t) {
        System.out.println("FAIL " + name + ": decode: " + describe(t));
        return false;
      }
      String diff = Values.diff(got, c.expected.get());
      if (diff == null && c.extraCheck != null) {
        diff = c.extraCheck.apply(got);
      }
      if (diff != null) {
        System.out.println("FAIL " + name + ": " + diff);
        return false;
      }
      byte[] out;
      try {
        out = fory.serialize(Values.normalize(got));
      } catch (Throwable t) {
        System.out.println("FAIL " + name + ": encode: " + describe(t));
        return false;
      }
      Files.write(file, out);
      System.out.println("OK " + name);
      return true;
    } catch (Throwable t) {
      System.out.println("FAIL " + name + ": " + describe(t));
      return false;
    }
  }

  /** The exception and its causes on one line. */
  static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
      if (sb.length() > 0) {
        sb.append(" <- ");
      }
      sb.append(x.getClass().getSimpleName()).append(": ").append(x.getMessage());
    }
    String s = sb.toString().replaceAll("\\s+", " ");
    return s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }
}
