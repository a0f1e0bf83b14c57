package xlangtests.peer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.fory.annotation.ForyField;
import org.apache.fory.annotation.Int32Type;
import org.apache.fory.annotation.Int64Type;
import org.apache.fory.annotation.Nullable;
import org.apache.fory.annotation.Ref;
import org.apache.fory.annotation.UInt16Type;
import org.apache.fory.annotation.UInt32Type;
import org.apache.fory.annotation.UInt64Type;
import org.apache.fory.annotation.UInt8Type;
import org.apache.fory.config.Int32Encoding;
import org.apache.fory.config.Int64Encoding;

/**
 * The struct types of CASES.md. Field names are camelCase; fory-core writes them as snake_case.
 *
 * <p>Nullability in fory-core 1.6.0 xlang mode: a field of a non-primitive type (boxed numbers
 * included) is NOT nullable unless its type use carries {@code @Nullable}
 * (TypeResolver.isFieldNullable); so every nullable field below is {@code @Nullable}, and the
 * non-nullable scalars use primitive types.
 */
public final class Structs {
  private Structs() {}

  /** Primitives (201). */
  public static class Primitives {
    public boolean flag;
    public byte tiny;
    public short shortValue;
    public int count;
    public long total;
    public float ratio;
    public double precise;

    public Primitives() {}
  }

  /** NullablePrimitives (202). */
  public static class NullablePrimitives {
    public @Nullable Boolean flag;
    public @Nullable Byte tiny;
    public @Nullable Short shortValue;
    public @Nullable Integer count;
    public @Nullable Long total;
    public @Nullable Float ratio;
    public @Nullable Double precise;

    public NullablePrimitives() {}
  }

  /** Strings (203). */
  public static class Strings {
    public String ascii;
    public String latin1;
    public String cjk;
    public String empty;

    public Strings() {}
  }

  /** Outer (204). */
  public static class Outer {
    public String name;
    public Inner inner;
    public int count;

    public Outer() {}
  }

  /** Inner (205). */
  public static class Inner {
    public int x;
    public String label;

    public Inner() {}

    public Inner(int x, String label) {
      this.x = x;
      this.label = label;
    }
  }

  /** Collections (206). */
  public static class Collections {
    public List<String> names;
    public Set<String> tags;
    public Map<String, Integer> scores;
    public long[] ids;
    public List<List<Integer>> matrix;

    public Collections() {}
  }

  /** WithEnum (207). */
  public static class WithEnum {
    public Color color;
    public int count;

    public WithEnum() {}
  }

  /** WithUnion (208), holding the union Shape (111). */
  public static class WithUnion {
    public Shape shape;
    public int count;

    public WithUnion() {}
  }

  /** EventClick (250): the case struct of the Rust variant {@code Event::Click { x, y }}. */
  public static class EventClick {
    public int x;
    public int y;

    public EventClick() {}
  }

  /** EventPair (251): the case struct of the Rust tuple variant {@code Event::Pair(String, i32)}. */
  public static class EventPair {
    public String f0;
    public int f1;

    public EventPair() {}
  }

  /** EventLog (252): one field per case of the union {@link Event}. */
  public static class EventLog {
    public Event click;
    public Event pair;
    public Event key;
    public Event quit;
    public int count;

    public EventLog() {}
  }

  /** Optionals (209). */
  public static class Optionals {
    public @Nullable String maybeName;
    public @Nullable Integer maybeCount;
    public @Nullable List<String> maybeList;
    public @Nullable Inner maybeInner;

    public Optionals() {}
  }

  /** Unsigned (210): unsigned types and integer encodings via 1.6.0's type-use annotations. */
  public static class Unsigned {
    public @UInt8Type int u8v;
    public @UInt16Type int u16v;
    public @UInt32Type(encoding = Int32Encoding.FIXED) long u32Fixed;
    public @UInt32Type(encoding = Int32Encoding.VARINT) long u32Var;
    public @UInt64Type(encoding = Int64Encoding.FIXED) long u64Fixed;
    public @UInt64Type(encoding = Int64Encoding.VARINT) long u64Var;
    public @UInt64Type(encoding = Int64Encoding.TAGGED) long u64Tagged;
    public @Int32Type(encoding = Int32Encoding.FIXED) int i32Fixed;
    public @Int64Type(encoding = Int64Encoding.FIXED) long i64Fixed;
    public @Int64Type(encoding = Int64Encoding.TAGGED) long i64Tagged;

    public Unsigned() {}
  }

  /** Tagged (211): three fields with tag ids, one without. */
  public static class Tagged {
    @ForyField(id = 1)
    public String name;

    @ForyField(id = 2)
    public int age;

    @ForyField(id = 3)
    public @Nullable String email;

    public String note;

    public Tagged() {}
  }

  /** Pair (212): the concrete form of Rust's Pair&lt;String, i32&gt;. */
  public static class Pair {
    public String key;
    public int value;
    public int[] items;

    public Pair() {}
  }

  /** Many (213): 32 fields, four rounds of bool, int8, int16, int32, int64, float32, float64, string. */
  public static class Many {
    public boolean f01;
    public byte f02;
    public short f03;
    public int f04;
    public long f05;
    public float f06;
    public double f07;
    public String f08;
    public boolean f09;
    public byte f10;
    public short f11;
    public int f12;
    public long f13;
    public float f14;
    public double f15;
    public String f16;
    public boolean f17;
    public byte f18;
    public short f19;
    public int f20;
    public long f21;
    public float f22;
    public double f23;
    public String f24;
    public boolean f25;
    public byte f26;
    public short f27;
    public int f28;
    public long f29;
    public float f30;
    public double f31;
    public String f32;

    public Many() {}
  }

  /** Point (214): Rust's tuple struct Point(i32, i32), fields f0 and f1. */
  public static class Point {
    public int f0;
    public int f1;

    public Point() {}
  }

  /** example.Person, registered by name. */
  public static class Person {
    public String name;
    public int age;

    public Person() {}
  }

  /**
   * Evolving (220), this peer's version: a, b, c (Rust's has a, c, d). {@code b} is nullable so
   * that a value decoded from Rust's bytes (which lack b) can be written again with b = null.
   */
  public static class Evolving {
    public int a;
    public @Nullable Inner b;
    public List<String> c;

    public Evolving() {}
  }

  /**
   * ArrayToList (221), this peer's version: primitive arrays (BOOL_ARRAY ... FLOAT64_ARRAY). Rust's
   * declares the same fields as lists ({@code VecDeque<bool>} ... {@code VecDeque<f64>}).
   */
  public static class ArrayToList {
    public boolean[] bools;
    public short[] shorts;
    public int[] ints;
    public long[] longs;
    public float[] floats;
    public double[] doubles;
    public int[] empty;

    public ArrayToList() {}
  }

  /**
   * ListToArray (222), this peer's version: lists (LIST of BOOL, INT16, VARINT32, VARINT64,
   * FLOAT32, FLOAT64). Rust's declares the same fields as arrays ({@code Vec<bool>} ...).
   */
  public static class ListToArray {
    public List<Boolean> bools;
    public List<Short> shorts;
    public List<Integer> ints;
    public List<Long> longs;
    public List<Float> floats;
    public List<Double> doubles;
    public List<Integer> empty;

    public ListToArray() {}
  }

  /** Rec (300), the struct of the out-of-band buffer cases: both fields are buffers. */
  public static class Rec {
    public byte[] data;
    public double[] values;

    public Rec() {}
  }

  /**
   * Samples (301), the struct of the numpy out-of-band cases (numpy arrays in the Python peer):
   * a binary beside a float64 and an int32 array.
   */
  public static class Samples {
    public byte[] data;
    public double[] values;
    public int[] ids;

    public Samples() {}
  }

  /** Other (240), the second struct of the polymorphic list cases. */
  public static class Other {
    public long code;
    public String note;

    public Other() {}

    public Other(long code, String note) {
      this.code = code;
      this.note = note;
    }
  }

  /** The interface of the trait object cases: each field typed by it is written polymorphically. */
  public interface Animal {}

  /** Dog (260), an {@link Animal}. */
  public static class Dog implements Animal {
    public String name;
    public int volume;

    public Dog() {}

    public Dog(String name, int volume) {
      this.name = name;
      this.volume = volume;
    }
  }

  /** Cat (261), an {@link Animal}. */
  public static class Cat implements Animal {
    public int lives;

    public Cat() {}

    public Cat(int lives) {
      this.lives = lives;
    }
  }

  /** Zoo (262): fields, list elements and map values typed by the interface. */
  public static class Zoo {
    public Animal star;
    public List<Animal> animals;
    public Map<String, Animal> keepers;

    public Zoo() {}
  }

  /** Pen (263): reference-tracked fields and elements typed by the interface. */
  public static class Pen {
    public @Ref Animal first;
    public @Ref Animal second;
    public List<@Ref Animal> all;

    public Pen() {}
  }

  /** Bag (241): a list of anything as a struct field ({@code polymorphic_list_field}). */
  public static class Bag {
    public String name;
    public List<Object> items;

    public Bag() {}
  }

  /**
   * RefLists (233), written with reference tracking on: collections of collections. In
   * schema-consistent mode the lists in the map and in the outer list carry a reference flag
   * ({@code 00}); in compatible mode none, as their type uses are not {@code @Ref}.
   */
  public static class RefLists {
    public Map<String, List<Long>> byKey;
    public List<List<String>> nested;

    public RefLists() {}
  }

  /**
   * Choices (234), written with reference tracking on: three fields of the union {@link Choice}
   * (112), one per case. Java flags a case value {@code ff} when it is a number or a string and
   * {@code 00} when it is a struct.
   */
  public static class Choices {
    public Choice first;
    public Choice second;
    public Choice third;

    public Choices() {}
  }

  /**
   * AllNullLists (235): lists of a declared element type holding only nulls. Java writes each as
   * {@code 0e} (same type, declared, has null) and the null flags.
   */
  public static class AllNullLists {
    public List<Double> numbers;
    public List<String> texts;
    public List<Integer> counts;

    public AllNullLists() {}
  }

  /**
   * SharedItems (236): a list of shared structs with a null. Java writes its header {@code 0d}
   * ({@code 09} and the element's TypeDef in compatible mode): a null is its reference flag.
   */
  public static class SharedItems {
    public List<@Ref @Nullable Inner> items;

    public SharedItems() {}
  }

  /**
   * Money (270, or {@code example.Money}): a type with a custom encoding. It is registered with
   * {@link MoneySerializer}, which writes {@code cents} as a varint64 and {@code currency} as a
   * string, so fory-core gives it the type id EXT (NAMED_EXT by name), not STRUCT.
   */
  public static class Money {
    public long cents;
    public String currency;

    public Money() {}

    public Money(long cents, String currency) {
      this.cents = cents;
      this.currency = currency;
    }
  }

  /** Invoice (271): a struct with a {@link Money} field. */
  public static class Invoice {
    public String item;
    public Money price;
    public int count;

    public Invoice() {}
  }

  /**
   * Wallet (272): {@link Money} as a list element, a nullable field and a map value. fory-core
   * declares the list's element type only in schema-consistent mode and never the map's value
   * type, as for a struct.
   */
  public static class Wallet {
    public List<Money> coins;
    public @Nullable Money spare;
    public Map<String, Money> byOwner;

    public Wallet() {}
  }
}
