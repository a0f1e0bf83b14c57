package xlangtests.rows;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fory.format.encoder.Encoders;
import org.apache.fory.format.encoder.RowEncoder;
import org.apache.fory.format.row.ArrayData;
import org.apache.fory.format.row.Getters;
import org.apache.fory.format.row.MapData;
import org.apache.fory.format.row.binary.BinaryRow;
import org.apache.fory.format.row.binary.writer.BinaryRowWriter;
import org.apache.fory.format.type.DataType;
import org.apache.fory.format.type.DataTypes;
import org.apache.fory.format.type.Field;
import org.apache.fory.format.type.Schema;
import org.apache.fory.logging.LoggerFactory;
import org.apache.fory.memory.MemoryBuffer;

/**
 * The row format cases of ROWS.md on Apache Fory Java's fory-format (0.16.0, standard format).
 *
 * <p>{@code gen OUT} writes OUT/&lt;case&gt;.bin with {@code Encoders.bean(T.class).toRow(value)
 * .toBytes()}; {@code check IN} reads every &lt;case&gt;.bin present twice: decoded whole
 * ({@code RowEncoder.fromRow}, or {@code BinaryRow.toMap()} for the binary cases, which gives a
 * binary value as the string "0x" + hex) and walked field
 * by field with the row accessors ({@code BinaryRow.getInt32 / getString / getStruct / getArray /
 * getMap}, {@code ArrayData.get*}, {@code MapData.keyArray / valueArray}) under the case's schema
 * built explicitly with {@code DataTypes} in the order of ROWS.md. Both must equal the case value.
 *
 * <p>Field order: the bean encoder infers its schema from the class's fields sorted by name
 * (records too; declaration order is ignored), so each case's record names its components with a
 * prefix that sorts in ROWS.md's order ({@code aFlag, bTiny, ...}, {@code f00 ... f49}); the names
 * are not in the bytes. Every run checks that the inferred schema has the explicit schema's types
 * in the same order.
 *
 * <p>Binary: the encoder maps {@code byte[]} to {@code list<int8>} (an array with a count and a
 * bitmap), not to {@code binary}, so the two binary cases are written with the library's
 * {@code BinaryRowWriter} under the explicit schema ({@code write(ordinal, byte[])}). The flat
 * cases are also written that way and must give the encoder's bytes.
 */
public final class Rows {
  // The cases' values, as records whose component names sort in the schema's order.
  public record Scalars(
      boolean aFlag, byte bTiny, short cSmall, int dMedium, long eLarge, float fSingle,
      double gDouble) {}

  public record Strings(String aAscii, String bUnicode, String cEmpty) {}

  public record Binary(byte[] data) {}

  public record BinaryEmpty(byte[] aData, String bAfter) {}

  public record Temporal(LocalDate aDay, Instant bMoment) {}

  public record TimestampRounding(Instant moment) {}

  public record Inner(long code, String label) {}

  public record Nested(int aId, Inner bInner, String cName) {}

  public record ListInt32(int[] aValues, int[] bEmpty) {}

  public record ListString(List<String> names) {}

  public record ListStruct(List<Inner> items) {}

  public record Counts(Map<String, Integer> counts) {}

  public record Nulls(
      int aId, String bName, Inner cInner, Long dCount, List<Integer> eValues,
      List<String> fNames) {}

  public record Wide50(
      long f00,
      String f01,
      double f02,
      long f03,
      String f04,
      double f05,
      long f06,
      String f07,
      double f08,
      long f09,
      String f10,
      double f11,
      long f12,
      String f13,
      double f14,
      long f15,
      String f16,
      double f17,
      long f18,
      String f19,
      double f20,
      long f21,
      String f22,
      double f23,
      long f24,
      String f25,
      double f26,
      long f27,
      String f28,
      double f29,
      long f30,
      String f31,
      double f32,
      long f33,
      String f34,
      double f35,
      long f36,
      String f37,
      double f38,
      long f39,
      String f40,
      double f41,
      long f42,
      String f43,
      double f44,
      long f45,
      String f46,
      double f47,
      long f48,
      String f49) {}

  /** A case: its name, its schema in ROWS.md's order and names, its value, how it is written. */
  record Case(String name, Schema schema, Object value, boolean bean) {}

  private static Field f(String name, DataType type) {
    return DataTypes.field(name, type);
  }

  private static Field innerField(String name) {
    return DataTypes.structField(
        name, true, f("code", DataTypes.int64()), f("label", DataTypes.utf8()));
  }

  private static Map<String, Integer> counts(Object... pairs) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return map;
  }

  static List<Case> cases() throws ReflectiveOperationException {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "scalars",
            DataTypes.schema(
                f("flag", DataTypes.bool()),
                f("tiny", DataTypes.int8()),
                f("small", DataTypes.int16()),
                f("medium", DataTypes.int32()),
                f("large", DataTypes.int64()),
                f("single", DataTypes.float32()),
                f("double", DataTypes.float64())),
            new Scalars(
                true, (byte) -128, (short) 32767, Integer.MIN_VALUE, 9007199254740993L, 1.5f, -0.1),
            true));
    cases.add(
        new Case(
            "strings",
            DataTypes.schema(
                f("ascii", DataTypes.utf8()),
                f("unicode", DataTypes.utf8()),
                f("empty", DataTypes.utf8())),
            new Strings("hello", "h\u00e9llo \u4e16\u754c", ""),
            true));
    cases.add(
        new Case(
            "binary",
            DataTypes.schema(f("data", DataTypes.binary())),
            new Binary(new byte[] {0x00, 0x01, 0x7f, (byte) 0x80, (byte) 0xff}),
            false));
    cases.add(
        new Case(
            "binary_empty",
            DataTypes.schema(f("data", DataTypes.binary()), f("after", DataTypes.utf8())),
            new BinaryEmpty(new byte[0], "x"),
            false));
    cases.add(
        new Case(
            "temporal",
            DataTypes.schema(f("day", DataTypes.date32()), f("moment", DataTypes.timestamp())),
            new Temporal(LocalDate.ofEpochDay(19782), micros(1709210096789012L)),
            true));
    cases.add(
        new Case(
            "timestamp_rounding",
            DataTypes.schema(f("moment", DataTypes.timestamp())),
            new TimestampRounding(micros(1100369563316063L)),
            true));
    cases.add(
        new Case(
            "nested",
            DataTypes.schema(
                f("id", DataTypes.int32()), innerField("inner"), f("name", DataTypes.utf8())),
            new Nested(7, new Inner(-42, "inner"), "outer"),
            true));
    cases.add(
        new Case(
            "list_int32",
            DataTypes.schema(
                DataTypes.arrayField("values", DataTypes.int32()),
                DataTypes.arrayField("empty", DataTypes.int32())),
            new ListInt32(new int[] {1, -2, 3, Integer.MAX_VALUE, Integer.MIN_VALUE}, new int[0]),
            true));
    cases.add(
        new Case(
            "list_string",
            DataTypes.schema(DataTypes.arrayField("names", DataTypes.utf8())),
            new ListString(List.of("a", "h\u00e9llo", "")),
            true));
    cases.add(
        new Case(
            "list_struct",
            DataTypes.schema(DataTypes.arrayField("items", innerField("item"))),
            new ListStruct(List.of(new Inner(1, "one"), new Inner(2, "two"))),
            true));
    Schema countsSchema =
        DataTypes.schema(DataTypes.mapField("counts", DataTypes.utf8(), DataTypes.int32()));
    cases.add(
        new Case(
            "map_string_int32",
            countsSchema,
            new Counts(counts("apple", 1, "banana", -2, "cherry", 3)),
            true));
    // A LinkedHashMap: the encoder writes the entries in the map's iteration order.
    cases.add(
        new Case(
            "map_unsorted",
            countsSchema,
            new Counts(counts("cherry", 3, "apple", 1, "banana", -2)),
            true));
    cases.add(
        new Case(
            "nulls",
            DataTypes.schema(
                f("id", DataTypes.int32()),
                f("name", DataTypes.utf8()),
                innerField("inner"),
                f("count", DataTypes.int64()),
                DataTypes.arrayField("values", DataTypes.int32()),
                DataTypes.arrayField("names", DataTypes.utf8())),
            new Nulls(1, null, null, null, Arrays.asList(1, null, 3), Arrays.asList("x", null, "z")),
            true));
    List<Field> wideFields = new ArrayList<>();
    Object[] wideValues = new Object[50];
    for (int i = 0; i < 50; i++) {
      switch (i % 3) {
        case 0:
          wideFields.add(f("f" + i, DataTypes.int64()));
          wideValues[i] = i * 1000003L - 25000000L;
          break;
        case 1:
          wideFields.add(f("f" + i, DataTypes.utf8()));
          wideValues[i] = "value " + i;
          break;
        default:
          wideFields.add(f("f" + i, DataTypes.float64()));
          wideValues[i] = i + 0.25;
      }
    }
    Class<?>[] wideTypes =
        Arrays.stream(Wide50.class.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    cases.add(
        new Case(
            "wide50",
            DataTypes.schema(wideFields),
            Wide50.class.getDeclaredConstructor(wideTypes).newInstance(wideValues),
            true));
    return cases;
  }

  private static Instant micros(long us) {
    return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
  }

  // ---- Comparable forms of values ----

  /** Binary in comparable form. */
  record Bin(String hex) {}

  /** A timestamp as microseconds since the epoch. */
  record Micros(long us) {}

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }

  /** The comparable form of a case value or of what the encoder decoded. */
  static Object canon(Object v) throws ReflectiveOperationException {
    if (v == null) {
      return null;
    } else if (v instanceof Record) {
      List<Object> out = new ArrayList<>();
      for (RecordComponent c : v.getClass().getRecordComponents()) {
        out.add(canon(c.getAccessor().invoke(v)));
      }
      return out;
    } else if (v instanceof byte[]) {
      return new Bin(hex((byte[]) v));
    } else if (v instanceof int[]) {
      List<Object> out = new ArrayList<>();
      for (int x : (int[]) v) {
        out.add(x);
      }
      return out;
    } else if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object x : (List<?>) v) {
        out.add(canon(x));
      }
      return out;
    } else if (v instanceof Map) {
      Map<Object, Object> out = new TreeMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(canon(e.getKey()), canon(e.getValue()));
      }
      return out;
    } else if (v instanceof Instant) {
      Instant t = (Instant) v;
      return new Micros(t.getEpochSecond() * 1_000_000L + t.getNano() / 1000);
    } else if (v instanceof java.sql.Timestamp) {
      return canon(((java.sql.Timestamp) v).toInstant());
    } else if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate();
    }
    return v;
  }

  /** Reads one value through the row accessors of {@code g} (a row or an array). */
  static Object read(Getters g, int i, DataType type) {
    if (g.isNullAt(i)) {
      return null;
    } else if (type instanceof DataTypes.BooleanType) {
      return g.getBoolean(i);
    } else if (type instanceof DataTypes.Int8Type) {
      return g.getByte(i);
    } else if (type instanceof DataTypes.Int16Type) {
      return g.getInt16(i);
    } else if (type instanceof DataTypes.Int32Type) {
      return g.getInt32(i);
    } else if (type instanceof DataTypes.Int64Type) {
      return g.getInt64(i);
    } else if (type instanceof DataTypes.Float32Type) {
      return g.getFloat32(i);
    } else if (type instanceof DataTypes.Float64Type) {
      return g.getFloat64(i);
    } else if (type instanceof DataTypes.StringType) {
      return g.getString(i);
    } else if (type instanceof DataTypes.BinaryType) {
      return new Bin(hex(g.getBinary(i)));
    } else if (type instanceof DataTypes.LocalDateType) {
      return LocalDate.ofEpochDay(g.getDate(i));
    } else if (type instanceof DataTypes.TimestampType) {
      return new Micros(g.getTimestamp(i));
    } else if (type instanceof DataTypes.StructType) {
      return readStruct(g.getStruct(i), ((DataTypes.StructType) type).fields());
    } else if (type instanceof DataTypes.ListType) {
      ArrayData array = g.getArray(i);
      DataType element = ((DataTypes.ListType) type).valueType();
      List<Object> out = new ArrayList<>();
      for (int j = 0; j < array.numElements(); j++) {
        out.add(read(array, j, element));
      }
      return out;
    } else if (type instanceof DataTypes.MapType) {
      DataTypes.MapType mapType = (DataTypes.MapType) type;
      MapData map = g.getMap(i);
      ArrayData keys = map.keyArray();
      ArrayData values = map.valueArray();
      if (keys.numElements() != map.numElements() || values.numElements() != map.numElements()) {
        throw new IllegalStateException(
            "map of " + map.numElements() + " entries has " + keys.numElements() + " keys and "
                + values.numElements() + " values");
      }
      Map<Object, Object> out = new TreeMap<>();
      for (int j = 0; j < map.numElements(); j++) {
        out.put(read(keys, j, mapType.keyType()), read(values, j, mapType.itemType()));
      }
      return out;
    }
    throw new IllegalArgumentException("no accessor for " + type);
  }

  static List<Object> readStruct(Getters row, List<Field> fields) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      out.add(read(row, i, fields.get(i).type()));
    }
    return out;
  }

  /** A type's shape without names or nullability, to compare an inferred with an explicit one. */
  static String shape(DataType type) {
    if (type instanceof DataTypes.StructType) {
      StringBuilder s = new StringBuilder("struct<");
      for (Field field : ((DataTypes.StructType) type).fields()) {
        s.append(shape(field.type())).append(',');
      }
      return s.append('>').toString();
    } else if (type instanceof DataTypes.ListType) {
      return "list<" + shape(((DataTypes.ListType) type).valueType()) + ">";
    } else if (type instanceof DataTypes.MapType) {
      DataTypes.MapType m = (DataTypes.MapType) type;
      return "map<" + shape(m.keyType()) + "," + shape(m.itemType()) + ">";
    }
    return type.getClass().getSimpleName();
  }

  static String shape(Schema schema) {
    return shape(DataTypes.struct(schema.fields()));
  }

  // ---- Writing and checking ----

  private static final Map<String, RowEncoder<Object>> ENCODERS = new TreeMap<>();

  @SuppressWarnings("unchecked")
  static RowEncoder<Object> encoder(Case c) {
    return ENCODERS.computeIfAbsent(
        c.name,
        name -> {
          RowEncoder<Object> encoder =
              (RowEncoder<Object>) Encoders.bean((Class<Object>) c.value.getClass());
          String inferred = shape(encoder.schema());
          if (!inferred.equals(shape(c.schema))) {
            throw new IllegalStateException(
                "the encoder's schema " + encoder.schema().fieldNames() + " " + inferred
                    + " is not the case's " + shape(c.schema));
          }
          return encoder;
        });
  }

  /** Writes a flat case with the library's BinaryRowWriter under the explicit schema. */
  static byte[] writeWithWriter(Case c) throws ReflectiveOperationException {
    BinaryRowWriter writer = new BinaryRowWriter(c.schema);
    writer.reset();
    RecordComponent[] components = c.value.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      Object v = components[i].getAccessor().invoke(c.value);
      DataType type = c.schema.field(i).type();
      if (v == null) {
        writer.setNullAt(i);
      } else if (type instanceof DataTypes.BooleanType) {
        writer.write(i, (boolean) v);
      } else if (type instanceof DataTypes.Int8Type) {
        writer.write(i, (byte) v);
      } else if (type instanceof DataTypes.Int16Type) {
        writer.write(i, (short) v);
      } else if (type instanceof DataTypes.Int32Type) {
        writer.write(i, (int) v);
      } else if (type instanceof DataTypes.Int64Type) {
        writer.write(i, (long) v);
      } else if (type instanceof DataTypes.Float32Type) {
        writer.write(i, (float) v);
      } else if (type instanceof DataTypes.Float64Type) {
        writer.write(i, (double) v);
      } else if (type instanceof DataTypes.StringType) {
        writer.write(i, (String) v);
      } else if (type instanceof DataTypes.BinaryType) {
        writer.write(i, (byte[]) v);
      } else if (type instanceof DataTypes.LocalDateType) {
        writer.write(i, (int) ((LocalDate) v).toEpochDay());
      } else if (type instanceof DataTypes.TimestampType) {
        writer.write(i, ((Micros) canon(v)).us());
      } else {
        return null; // not a flat case
      }
    }
    return writer.getRow().toBytes();
  }

  static byte[] write(Case c) throws ReflectiveOperationException {
    if (!c.bean) {
      return writeWithWriter(c);
    }
    byte[] bytes = encoder(c).toRow(c.value).toBytes();
    byte[] direct = writeWithWriter(c);
    if (direct != null && !Arrays.equals(direct, bytes)) {
      throw new IllegalStateException(
          "RowEncoder wrote " + hex(bytes) + " but BinaryRowWriter " + hex(direct));
    }
    return bytes;
  }

  private static BinaryRow pointTo(Schema schema, byte[] bytes) {
    BinaryRow row = new BinaryRow(schema);
    row.pointTo(MemoryBuffer.fromByteArray(bytes), 0, bytes.length);
    return row;
  }

  /** null when the row reads as the case value both ways, else why not. */
  static String check(Case c, byte[] bytes) throws ReflectiveOperationException {
    Object expected = canon(c.value);
    Object fields = readStruct(pointTo(c.schema, bytes), c.schema.fields());
    if (!expected.equals(fields)) {
      return "field by field read " + fields + ", expected " + expected;
    }
    Object whole;
    if (c.bean) {
      RowEncoder<Object> encoder = encoder(c);
      whole = canon(encoder.fromRow(pointTo(encoder.schema(), bytes)));
    } else {
      Map<String, Object> map = pointTo(c.schema, bytes).toMap();
      List<Object> values = new ArrayList<>();
      for (Field field : c.schema.fields()) {
        Object v = map.get(field.name());
        // toMap() (Getters.get) gives a binary value as the string "0x" + hex digits.
        if (field.type() instanceof DataTypes.BinaryType && v instanceof String) {
          String s = (String) v;
          if (!s.startsWith("0x")) {
            return "decoded whole: binary " + field.name() + " as " + s;
          }
          values.add(new Bin(s.substring(2)));
        } else {
          values.add(canon(v));
        }
      }
      whole = values;
    }
    if (!expected.equals(whole)) {
      return "decoded whole as " + whole + ", expected " + expected;
    }
    return null;
  }

  private static String why(Throwable t) {
    String message = t.getMessage();
    return (t.getClass().getSimpleName() + (message == null ? "" : ": " + message))
        .replace('\n', ' ');
  }

  public static void main(String[] args) throws Exception {
    LoggerFactory.disableLogging();
    if (args.length != 2 || !(args[0].equals("gen") || args[0].equals("check"))) {
      System.err.println("usage: Rows gen OUT_DIR | Rows check IN_DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    List<Case> cases = cases();
    boolean failed = false;
    int found = 0;
    if (args[0].equals("gen")) {
      Files.createDirectories(dir);
      for (Case c : cases) {
        try {
          byte[] bytes = write(c);
          String why = check(c, bytes);
          if (why != null) {
            System.out.println("FAIL " + c.name + ": does not read back: " + why);
            failed = true;
            continue;
          }
          Files.write(dir.resolve(c.name + ".bin"), bytes);
          System.out.println("PASS " + c.name);
        } catch (Throwable t) {
          System.out.println("FAIL " + c.name + ": " + why(t));
          failed = true;
        }
      }
    } else {
      Map<String, Case> byName = new TreeMap<>();
      for (Case c : cases) {
        byName.put(c.name + ".bin", c);
      }
      try (var files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files.sorted()::iterator) {
          String file = p.getFileName().toString();
          Case c = byName.get(file);
          if (c == null) {
            System.err.println("not a case file, ignored: " + p);
            continue;
          }
          found++;
          try {
            String why = check(c, Files.readAllBytes(p));
            if (why == null) {
              System.out.println("PASS " + c.name);
            } else {
              System.out.println("FAIL " + c.name + ": " + why);
              failed = true;
            }
          } catch (Throwable t) {
            System.out.println("FAIL " + c.name + ": " + why(t));
            failed = true;
          }
        }
      }
      if (found == 0) {
        System.err.println("no case file in " + dir);
        failed = true;
      }
    }
    System.out.flush();
    System.exit(failed ? 1 : 0);
  }
}
