package xlangtests.peer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.fory.Fory;
import org.apache.fory.logging.LoggerFactory;
import org.apache.fory.memory.MemoryBuffer;
import org.apache.fory.serializer.BufferObject;

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
 *
 * <p>An out-of-band buffer case is written with its buffer callback: the main buffer goes to
 * {@code <case>.bin}, the out-of-band buffers in order to {@code <case>.bin.0}, {@code .1}, ...;
 * roundtrip reads them the same way and deletes any {@code FILE.k} it did not write.
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
        Path file = dir.resolve(c.name + ".bin");
        if (c.oob == null) {
          Files.write(file, c.fory().serialize(c.value.get()));
        } else {
          List<byte[]> buffers = new ArrayList<>();
          byte[] bytes = serializeOob(c.fory(), c.value.get(), c.oob, buffers);
          writeWithBuffers(file, bytes, buffers);
        }
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
      String what = "decode";
      try {
        if (c.oob == null) {
          got = fory.deserialize(in);
        } else {
          List<byte[]> buffers = readBuffers(file);
          if (in.length == 0 || (in[0] & OOB_BIT) == 0) {
            System.out.println(
                "FAIL " + name + ": the header's out-of-band bit is not set (first byte "
                    + (in.length == 0 ? "missing" : String.format("0x%02x", in[0] & 0xff))
                    + "), with " + buffers.size() + " buffer file(s)");
            return false;
          }
          what = "decode with " + buffers.size() + " out-of-band buffer(s)";
          CountingBuffers counting = new CountingBuffers(buffers);
          got = fory.deserialize(in, counting);
          if (counting.taken() != buffers.size()) {
            System.out.println(
                "FAIL " + name + ": decoding used " + counting.taken() + " of the "
                    + buffers.size() + " out-of-band buffers (" + file.getFileName() + ".0 ...)");
            return false;
          }
        }
      } catch (Throwable t) {
        String why = describe(t);
        if (c.readUnsupported != null && why.contains(c.readFailure)) {
          System.out.println("UNSUPPORTED " + name + ": " + c.readUnsupported);
          return true;
        }
        System.out.println("FAIL " + name + ": " + what + ": " + why);
        return false;
      }
      if (c.readUnsupported != null) {
        System.out.println(
            "FAIL " + name + ": decoded, but the case says fory-core cannot read it (remove"
                + " readUnsupported if the value is right): " + Values.show(got));
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
      List<byte[]> outBuffers = new ArrayList<>();
      try {
        out =
            c.oob == null
                ? fory.serialize(Values.normalize(got))
                : serializeOob(fory, Values.normalize(got), c.oob, outBuffers);
      } catch (Throwable t) {
        System.out.println("FAIL " + name + ": encode: " + describe(t));
        return false;
      }
      if (c.oob == null) {
        Files.write(file, out);
      } else {
        writeWithBuffers(file, out, outBuffers);
      }
      System.out.println("OK " + name);
      return true;
    } catch (Throwable t) {
      System.out.println("FAIL " + name + ": " + describe(t));
      return false;
    }
  }

  // ---------------------------------------------------------------- out-of-band buffers

  /** The header bit that says the payload was written with a buffer callback. */
  private static final int OOB_BIT = 0x02;

  /**
   * Serializes {@code value} with the case's buffer callback; appends the bytes of every buffer
   * sent out-of-band to {@code buffers}, in order.
   */
  private static byte[] serializeOob(Fory fory, Object value, Cases.Oob oob, List<byte[]> buffers) {
    int[] seen = {0};
    return fory.serialize(
        value,
        (BufferObject b) -> {
          if (oob.inBand(seen[0]++)) {
            return true;
          }
          MemoryBuffer m = b.toBuffer();
          buffers.add(m.getBytes(0, m.size()));
          return false;
        });
  }

  /** FILE.0, FILE.1, ... while they exist. */
  private static List<byte[]> readBuffers(Path file) throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Path p = bufferFile(file, 0); Files.exists(p); p = bufferFile(file, out.size())) {
      out.add(Files.readAllBytes(p));
    }
    return out;
  }

  /** Writes FILE and FILE.0 ... FILE.(n-1), and deletes every other FILE.k. */
  private static void writeWithBuffers(Path file, byte[] main, List<byte[]> buffers)
      throws IOException {
    Files.write(file, main);
    for (int i = 0; i < buffers.size(); i++) {
      Files.write(bufferFile(file, i), buffers.get(i));
    }
    Path dir = file.toAbsolutePath().getParent();
    String prefix = file.getFileName() + ".";
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String n = p.getFileName().toString();
        if (n.startsWith(prefix)) {
          String k = n.substring(prefix.length());
          boolean written = false;
          for (int i = 0; i < buffers.size() && !written; i++) {
            written = k.equals(String.valueOf(i));
          }
          if (k.matches("[0-9]+") && !written) {
            stale.add(p);
          }
        }
      }
    }
    for (Path p : stale) {
      Files.delete(p);
    }
  }

  private static Path bufferFile(Path file, int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
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
