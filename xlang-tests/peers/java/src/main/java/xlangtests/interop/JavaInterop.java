package xlangtests.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.fory.Fory;
import org.apache.fory.annotation.Nullable;
import org.apache.fory.logging.LoggerFactory;

/**
 * The Java side of {@code fory-core/examples/java_interop.rs}: exchanges an {@link Experiment}
 * with fory-rs, in both directions, with fory-core on its default xlang configuration ({@code
 * Fory.builder().withXlang(true).build()}: compatible mode, no reference tracking) plus the
 * registrations by id.
 *
 * <pre>
 *   write DIR   writes DIR/java_interop.bin
 *   read DIR    decodes DIR/java_interop.bin, whichever side wrote it, compares it with
 *               experiment() and prints "OK java_interop" or "FAIL java_interop: why";
 *               exits 1 on failure
 * </pre>
 *
 * <p>Run it as {@code xlang-tests/peers/java/run example java_interop write|read DIR} (after
 * {@code bash xlang-tests/peers/java/setup.sh}); the Rust side is {@code cargo run -p fory-core
 * --example java_interop -- write|read DIR}.
 */
public final class JavaInterop {
  private JavaInterop() {}

  private static final String NAME = "java_interop";

  /** A class inside a class; fory-core reads public fields and needs a no-arg constructor. */
  public static class Instrument {
    public String model;
    public long serial;

    public Instrument() {}

    Instrument(String model, long serial) {
      this.model = model;
      this.serial = serial;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Instrument i && model.equals(i.model) && serial == i.serial;
    }

    @Override
    public int hashCode() {
      return Objects.hash(model, serial);
    }

    @Override
    public String toString() {
      return "Instrument{model=" + model + ", serial=" + serial + "}";
    }
  }

  /** The element of a list of classes. */
  public static class Trial {
    public int run; // VARINT32, Rust's i32
    public boolean passed;

    public Trial() {}

    Trial(int run, boolean passed) {
      this.run = run;
      this.passed = passed;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Trial t && run == t.run && passed == t.passed;
    }

    @Override
    public int hashCode() {
      return Objects.hash(run, passed);
    }

    @Override
    public String toString() {
      return "Trial{run=" + run + ", passed=" + passed + "}";
    }
  }

  /** Field names go on the wire in snake_case: {@code sampleRateHz} is {@code sample_rate_hz}. */
  public static class Experiment {
    public String title;
    public Instrument instrument; // a nested class
    public long sampleRateHz;
    public double[] samples; // FLOAT64_ARRAY: Rust's Vec<f64>
    public List<Trial> trials; // a list of classes: Rust's Vec<Trial>
    public List<String> tags;
    public Map<String, Double> settings; // Rust's HashMap<String, f64>
    public @Nullable String notes; // Rust's Option<String>; without @Nullable, never null

    public Experiment() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Experiment x
          && title.equals(x.title)
          && instrument.equals(x.instrument)
          && sampleRateHz == x.sampleRateHz
          && Arrays.equals(samples, x.samples)
          && trials.equals(x.trials)
          && tags.equals(x.tags)
          && settings.equals(x.settings)
          && Objects.equals(notes, x.notes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(title, instrument, sampleRateHz, Arrays.hashCode(samples), trials);
    }

    @Override
    public String toString() {
      return "Experiment{title=" + title + ", instrument=" + instrument + ", sampleRateHz="
          + sampleRateHz + ", samples=" + Arrays.toString(samples) + ", trials=" + trials
          + ", tags=" + tags + ", settings=" + settings + ", notes=" + notes + "}";
    }
  }

  /** The value both sides write, and expect to read back exactly. */
  static Experiment experiment() {
    Experiment e = new Experiment();
    e.title = "pendulum";
    e.instrument = new Instrument("LX-200", 9_007_199_254_740_993L); // 2^53 + 1
    e.sampleRateHz = 48_000;
    e.samples = new double[] {0.0, 0.5, -1.25, Double.MAX_VALUE};
    e.trials = List.of(new Trial(1, true), new Trial(2, false));
    e.tags = List.of("lab", "ünïcode");
    e.settings = new HashMap<>(Map.of("gain", 2.5, "offset", -0.125));
    e.notes = null;
    return e;
  }

  /** The default xlang configuration and the same ids as the Rust side's {@code register}. */
  static Fory fory() {
    Fory fory = Fory.builder().withXlang(true).build();
    fory.register(Instrument.class, 201);
    fory.register(Trial.class, 202);
    fory.register(Experiment.class, 203);
    return fory;
  }

  public static void main(String[] args) throws Exception {
    LoggerFactory.disableLogging(); // fory-core logs to stdout, where the results go
    if (args.length != 2 || !(args[0].equals("write") || args[0].equals("read"))) {
      System.err.println("usage: JavaInterop write DIR | JavaInterop read DIR");
      System.exit(2);
    }
    Path dir = Paths.get(args[1]);
    Path file = dir.resolve(NAME + ".bin");
    if (args[0].equals("write")) {
      Files.createDirectories(dir);
      Files.write(file, fory().serialize(experiment()));
      return;
    }
    String why;
    try {
      Object got = fory().deserialize(Files.readAllBytes(file));
      why = experiment().equals(got) ? null : "decoded " + got + ", expected " + experiment();
    } catch (Exception e) {
      why = e.toString().replaceAll("\\s+", " ");
    }
    System.out.println(why == null ? "OK " + NAME : "FAIL " + NAME + ": " + why);
    System.exit(why == null ? 0 : 1);
  }
}
