package xlangtests.peer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.fory.Fory;
import org.apache.fory.serializer.UnionSerializer;
import xlangtests.peer.Structs.AllNullLists;
import xlangtests.peer.Structs.Animal;
import xlangtests.peer.Structs.Cat;
import xlangtests.peer.Structs.Dog;
import xlangtests.peer.Structs.Bag;
import xlangtests.peer.Structs.Choices;
import xlangtests.peer.Structs.Collections;
import xlangtests.peer.Structs.EventClick;
import xlangtests.peer.Structs.EventLog;
import xlangtests.peer.Structs.EventPair;
import xlangtests.peer.Structs.Evolving;
import xlangtests.peer.Structs.Inner;
import xlangtests.peer.Structs.Invoice;
import xlangtests.peer.Structs.Many;
import xlangtests.peer.Structs.Money;
import xlangtests.peer.Structs.NullablePrimitives;
import xlangtests.peer.Structs.Optionals;
import xlangtests.peer.Structs.Other;
import xlangtests.peer.Structs.Pen;
import xlangtests.peer.Structs.Zoo;
import xlangtests.peer.Structs.Outer;
import xlangtests.peer.Structs.Pair;
import xlangtests.peer.Structs.Person;
import xlangtests.peer.Structs.Point;
import xlangtests.peer.Structs.Primitives;
import xlangtests.peer.Structs.Rec;
import xlangtests.peer.Structs.RefLists;
import xlangtests.peer.Structs.Samples;
import xlangtests.peer.Structs.SharedItems;
import xlangtests.peer.Structs.Strings;
import xlangtests.peer.Structs.Tagged;
import xlangtests.peer.Structs.Unsigned;
import xlangtests.peer.Structs.WithEnum;
import xlangtests.peer.Structs.Wallet;
import xlangtests.peer.Structs.WithUnion;

/** Every case of CASES.md: name, value, mode and registrations. */
final class Cases {
  private Cases() {}

  /** The buffer callback of an out-of-band case (CASES.md, "Out-of-band buffers"). */
  enum Oob {
    /** Keeps every buffer in-band. */
    IN_BAND,
    /** Sends every buffer out-of-band. */
    OUT_OF_BAND,
    /** Out-of-band, in-band, out-of-band, ... in the order the buffers are met. */
    ALTERNATING;

    /** Whether the callback keeps the {@code index}-th buffer (0-based) in-band. */
    boolean inBand(int index) {
      return this == IN_BAND || (this == ALTERNATING && index % 2 == 1);
    }
  }

  /** One case. */
  static final class Case {
    final String name;
    /** Builds the value this peer writes (a fresh object each call). */
    final Supplier<Object> value;
    /** Builds the value expected when reading another implementation's bytes. */
    final Supplier<Object> expected;
    final boolean compatible;
    final boolean ref;
    /** Registers the case's types on a fresh Fory. */
    final Consumer<Fory> register;
    /** Extra check on a decoded value (null when fine, else what is wrong), or null. */
    final Function<Object, String> extraCheck;
    /** Non-null when this peer cannot express the case: the reason. */
    final String unsupported;
    /** For an out-of-band buffer case, its buffer callback; null for every other case. */
    final Oob oob;
    /**
     * Non-null when this peer writes the case but fails to read it, its own bytes included: the
     * reason. roundtrip still decodes; a failure that contains {@link #readFailure} is answered
     * UNSUPPORTED with this reason, any other failure and a successful read are FAIL (so the
     * entry goes when fory-core reads the case).
     */
    String readUnsupported;
    /** The part of {@link Peer#describe} of the expected read failure, with readUnsupported. */
    String readFailure;

    Case(
        String name,
        Supplier<Object> value,
        Supplier<Object> expected,
        boolean compatible,
        boolean ref,
        Consumer<Fory> register,
        Function<Object, String> extraCheck,
        String unsupported) {
      this(name, value, expected, compatible, ref, register, extraCheck, unsupported, null);
    }

    Case(
        String name,
        Supplier<Object> value,
        Supplier<Object> expected,
        boolean compatible,
        boolean ref,
        Consumer<Fory> register,
        Function<Object, String> extraCheck,
        String unsupported,
        Oob oob) {
      this.name = name;
      this.value = value;
      this.expected = expected;
      this.compatible = compatible;
      this.ref = ref;
      this.register = register;
      this.extraCheck = extraCheck;
      this.unsupported = unsupported;
      this.oob = oob;
    }

    /** A fresh Fory configured for this case: xlang, its modes, its registrations. */
    Fory fory() {
      Fory fory =
          Fory.builder()
              .withXlang(true)
              .withCompatible(compatible)
              .withRefTracking(ref)
              .requireClassRegistration(true)
              .build();
      register.accept(fory);
      return fory;
    }
  }

  private static final Consumer<Fory> NONE = f -> {};
  private static final Consumer<Fory> COLOR_BY_ID = f -> f.register(Color.class, 101);
  private static final Consumer<Fory> COLOR_BY_NAME =
      f -> f.register(Color.class, "example", "Color");

  private static final List<Case> ALL = new ArrayList<>();

  static List<Case> all() {
    return ALL;
  }

  static Case find(String name) {
    for (Case c : ALL) {
      if (c.name.equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static void add(String name, Supplier<Object> value) {
    add(name, value, false, false, NONE);
  }

  private static void add(
      String name, Supplier<Object> value, boolean compatible, boolean ref, Consumer<Fory> reg) {
    ALL.add(new Case(name, value, value, compatible, ref, reg, null, null));
  }

  /** A struct case, added twice: schema-consistent and `_compatible`. */
  private static void struct(String name, Supplier<Object> value, Consumer<Fory> reg) {
    add(name, value, false, false, reg);
    add(name + "_compatible", value, true, false, reg);
  }

  /** An out-of-band buffer case: schema-consistent, written with the given buffer callback. */
  private static void oob(String name, Supplier<Object> value, Oob oob, Consumer<Fory> reg) {
    ALL.add(new Case(name, value, value, false, false, reg, null, null, oob));
  }

  private static void unsupported(String name, String reason) {
    ALL.add(new Case(name, null, null, false, false, NONE, null, reason));
  }

  @SafeVarargs
  private static <T> List<T> list(T... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  private static <K, V> Map<K, V> map(K k, V v) {
    Map<K, V> m = new LinkedHashMap<>();
    m.put(k, v);
    return m;
  }

  private static <K, V> Map<K, V> map(K k1, V v1, K k2, V v2) {
    Map<K, V> m = map(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static Consumer<Fory> ids(Object... classAndId) {
    return f -> {
      for (int i = 0; i < classAndId.length; i += 2) {
        f.register((Class<?>) classAndId[i], (Integer) classAndId[i + 1]);
      }
    };
  }

  static {
    // ------------------------------------------------------------ values
    add("bool_true", () -> true);
    add("bool_false", () -> false);
    add("int64_zero", () -> 0L);
    add("int64_minus_one", () -> -1L);
    add("int64_max", () -> Long.MAX_VALUE);
    add("int64_min", () -> Long.MIN_VALUE);
    add("int64_2_pow_35", () -> 1L << 35);
    add("float64_one_and_half", () -> 1.5d);
    add("float64_negative_zero", () -> -0.0d);
    add("float64_infinity", () -> Double.POSITIVE_INFINITY);
    add("string_empty", () -> "");
    add("string_ascii", () -> "hello");
    add("string_latin1", () -> "caf\u00e9");
    add("string_cjk", () -> "\u4f60\u597d");
    add("string_astral", () -> "\ud83d\ude00");
    add("string_long", () -> "a".repeat(300));
    add("binary", () -> new byte[] {1, 2, 3});
    add("binary_empty", () -> new byte[0]);
    add("none", () -> null);
    add("list_strings", () -> list("a", "b"));
    add("list_empty", () -> new ArrayList<String>());
    add("list_ints", () -> list(1L, 2L, 3L));
    add("list_with_null", () -> list("a", null, "b"));
    add("list_mixed", () -> list(1L, "a", null, 2.5d));
    add("list_nested", () -> list(list("a"), list("b", "c")));
    add("set_ints", () -> new LinkedHashSet<>(list(1L, 2L)));
    add("map_string_int", () -> map("a", 1L, "b", 2L));
    add("map_empty", () -> new LinkedHashMap<String, Long>());
    add("map_null_value", () -> map("a", (Long) null, "b", 1L));
    add("map_mixed_values", () -> map("a", (Object) 1L, "b", "x"));
    add("map_nested", () -> map("a", map("b", 1L)));
    add(
        "map_300",
        () -> {
          Map<String, Long> m = new LinkedHashMap<>();
          for (int i = 0; i < 300; i++) {
            m.put(String.format("k%03d", i), (long) i);
          }
          return m;
        });
    add("int32_array", () -> new int[] {1, -1});
    add("float64_array", () -> new double[] {1.5, -2.0});
    unsupported(
        "int8_array",
        "fory-core 1.6.0 has no root-level Java type for INT8_ARRAY (0x2c): byte[] is written as"
            + " BINARY (0x29), Int8List as LIST; INT8_ARRAY exists only for annotated struct fields"
            + " (@Int8Type/@ArrayType byte[])");
    add("date", () -> LocalDate.of(2024, 1, 2));
    add("date_before_epoch", () -> LocalDate.of(1969, 12, 31));
    add("timestamp", () -> Instant.ofEpochSecond(1_704_164_645L, 123_456_000));
    add("duration", () -> Duration.ofSeconds(90, 7_000));
    add("decimal", () -> new BigDecimal("-123.456"));
    add("decimal_big", () -> new BigDecimal("123456789012345678901234567890.5"));
    add("enum_by_id", () -> Color.GREEN, false, false, COLOR_BY_ID);
    add("enum_by_name", () -> Color.GREEN, false, false, COLOR_BY_NAME);
    add("enum_by_name_compatible", () -> Color.GREEN, true, false, COLOR_BY_NAME);
    add("enum_list_by_name", () -> list(Color.GREEN, Color.BLUE), false, false, COLOR_BY_NAME);
    ALL.add(
        new Case(
            "ref_shared_list",
            Cases::sharedList,
            Cases::sharedList,
            false,
            true,
            NONE,
            got -> {
              List<?> l = (List<?>) got;
              return l.get(0) == l.get(1)
                  ? null
                  : "the two elements decoded as two distinct objects, expected one shared list";
            },
            null));

    // ------------------------------------------------------------ structs
    struct("struct_primitives", Cases::primitives, ids(Primitives.class, 201));
    struct(
        "struct_nullable_primitives",
        Cases::nullablePrimitives,
        ids(NullablePrimitives.class, 202));
    struct("struct_strings", Cases::strings, ids(Strings.class, 203));
    struct("struct_nested", Cases::outer, ids(Outer.class, 204, Inner.class, 205));
    struct("struct_collections", Cases::collections, ids(Collections.class, 206));
    struct(
        "struct_enum_field",
        Cases::withEnum,
        ids(WithEnum.class, 207, Color.class, 101));
    struct(
        "struct_union_field",
        Cases::withUnion,
        f -> {
          f.register(WithUnion.class, 208);
          f.registerUnion(Shape.class, 111, new UnionSerializer(f.getTypeResolver(), Shape.class));
        });
    // A Rust enum with data: a union whose variants with several fields are case structs.
    for (boolean compatible : new boolean[] {false, true}) {
      add(
          "struct_data_enum" + (compatible ? "_compatible" : ""),
          () -> eventLog(compatible),
          compatible,
          false,
          f -> {
            f.registerUnion(Event.class, 113, new UnionSerializer(f.getTypeResolver(), Event.class));
            f.register(EventClick.class, 250);
            f.register(EventPair.class, 251);
            f.register(EventLog.class, 252);
          });
    }
    struct(
        "struct_options_null",
        () -> new Optionals(),
        ids(Optionals.class, 209, Inner.class, 205));
    struct("struct_options_set", Cases::optionalsSet, ids(Optionals.class, 209, Inner.class, 205));
    struct("struct_unsigned", Cases::unsigned, ids(Unsigned.class, 210));
    struct("struct_tag_ids", Cases::tagged, ids(Tagged.class, 211));
    struct("struct_generic", Cases::pair, ids(Pair.class, 212));
    struct("struct_many_fields", Cases::many, ids(Many.class, 213));
    struct("struct_tuple", Cases::point, ids(Point.class, 214));
    struct("struct_named", Cases::person, f -> f.register(Person.class, "example", "Person"));
    // By-name user types as field types: an enum field's TypeDef type is ENUM either way, and a
    // nested struct field has no type info in schema-consistent mode.
    struct(
        "struct_enum_field_by_name",
        Cases::withEnum,
        f -> {
          f.register(WithEnum.class, 207);
          f.register(Color.class, "example", "Color");
        });
    struct(
        "struct_nested_by_name",
        Cases::outer,
        f -> {
          f.register(Outer.class, 204);
          f.register(Inner.class, "example", "Inner");
        });

    // ------------------------------------------------------------ schema evolution
    ALL.add(
        new Case(
            "evolution_drop_add",
            () -> evolving(new Inner(2, "bee")),
            () -> evolving(null),
            true,
            false,
            ids(Structs.Evolving.class, 220, Inner.class, 205),
            null,
            null));

    // The same fields declared as arrays on one side and lists on the other: the peer writes its
    // form, Rust reads it as the other and writes that back, which this peer reads as its own.
    ALL.add(
        new Case(
            "evolution_array_to_list",
            Cases::arrayToList,
            Cases::arrayToList,
            true,
            false,
            ids(Structs.ArrayToList.class, 221),
            null,
            null));
    ALL.add(
        new Case(
            "evolution_list_to_array",
            Cases::listToArray,
            Cases::listToArray,
            true,
            false,
            ids(Structs.ListToArray.class, 222),
            null,
            null));

    // ------------------------------------------------------------ out-of-band buffers
    // fory-core hands byte[] and every primitive array to the buffer callback.
    oob("oob_binary_in_band", () -> new byte[] {1, 2, 3}, Oob.IN_BAND, NONE);
    oob("oob_binary_out_of_band", () -> new byte[] {1, 2, 3}, Oob.OUT_OF_BAND, NONE);
    oob(
        "oob_binary_list_alternating",
        () -> list(new byte[] {1, 2, 3}, new byte[] {4, 5}),
        Oob.ALTERNATING,
        NONE);
    oob("oob_int32_array_in_band", () -> new int[] {1, -1}, Oob.IN_BAND, NONE);
    oob("oob_int32_array_out_of_band", () -> new int[] {1, -1}, Oob.OUT_OF_BAND, NONE);
    oob("oob_float64_array_alternating", () -> new double[] {1.5, -2.0}, Oob.ALTERNATING, NONE);
    oob("oob_struct_out_of_band", Cases::rec, Oob.OUT_OF_BAND, ids(Rec.class, 300));
    oob("oob_struct_alternating", Cases::rec, Oob.ALTERNATING, ids(Rec.class, 300));

    // ------------------------------------------------------------ ref_tree: a tree, tracking on
    for (boolean compatible : new boolean[] {false, true}) {
      ALL.add(
          new Case(
              compatible ? "ref_tree_compatible" : "ref_tree",
              Tree::tree,
              Tree::tree,
              compatible,
              true,
              ids(Tree.Node.class, 230),
              Tree::parentsHold,
              null));
    }
    // ------------------------------------------------------------ ref_self, ref_cycle
    for (boolean compatible : new boolean[] {false, true}) {
      String suffix = compatible ? "_compatible" : "";
      ALL.add(
          new Case(
              "ref_self" + suffix,
              Refs::selfRef,
              Refs::selfRef,
              compatible,
              true,
              ids(Refs.SelfRef.class, 231),
              Refs::selfHolds,
              null));
      ALL.add(
          new Case(
              "ref_cycle" + suffix,
              Refs::cycle,
              Refs::cycle,
              compatible,
              true,
              ids(Refs.Link.class, 232),
              Refs::cycleHolds,
              null));
    }
    // ------------------------------------------------------------ ref_map_of_lists, ref_union_cases
    // The reference flags of declared collections and of union case values, tracking on.
    for (boolean compatible : new boolean[] {false, true}) {
      String suffix = compatible ? "_compatible" : "";
      add("ref_map_of_lists" + suffix, Cases::refLists, compatible, true, ids(RefLists.class, 233));
      Supplier<Object> choices = () -> choices(compatible);
      add(
          "ref_union_cases" + suffix,
          choices,
          compatible,
          true,
          f -> {
            f.register(Inner.class, 205);
            f.registerUnion(
                Choice.class, 112, new UnionSerializer(f.getTypeResolver(), Choice.class));
            f.register(Choices.class, 234);
          });
    }
    // ------------------------------------------------------------ all_null_lists
    // Lists of a declared element type holding only nulls: fory-core writes each `0e` and the
    // null flags in both modes, and fails to read its own compatible-mode bytes
    // (spec/divergences.md, "The Java peer in the generative suite").
    struct("all_null_lists", Cases::allNullLists, ids(AllNullLists.class, 235));
    Case allNullCompatible = find("all_null_lists_compatible");
    allNullCompatible.readUnsupported =
        "fory-core 1.6.0 writes this frame (01ff1c00 <TypeDef> 010efd 020efdfd 010efd, every list"
            + " header 0e) but cannot read it, its own bytes included: in compatible mode"
            + " CompatibleCollectionArrayReader.readNullableListBoxedElements first checks that"
            + " n x (1 + element width) bytes remain, as if no element were null, so numbers"
            + " [null, null] (List<Double>: 18 bytes, 5 left) fails with IndexOutOfBoundsException:"
            + " readerIndex(42) + length(13) exceeds size(47)";
    allNullCompatible.readFailure =
        "IndexOutOfBoundsException: readerIndex(42) + length(13) exceeds size(47)";
    // ------------------------------------------------------------ ref_list_with_nulls
    // A list of shared structs holding a null, tracking on: [null, i, i], i one object.
    for (boolean compatible : new boolean[] {false, true}) {
      ALL.add(
          new Case(
              "ref_list_with_nulls" + (compatible ? "_compatible" : ""),
              Cases::sharedItems,
              Cases::sharedItems,
              compatible,
              true,
              ids(Inner.class, 205, SharedItems.class, 236),
              Cases::oneSharedItem,
              null));
    }
    // ------------------------------------------------------------ polymorphic lists
    Consumer<Fory> polymorphic =
        ids(Color.class, 101, Inner.class, 205, Other.class, 240, Bag.class, 241);
    struct("polymorphic_list", Cases::polymorphicItems, polymorphic);
    struct("polymorphic_list_field", Cases::bag, polymorphic);
    // ------------------------------------------------------------ trait objects
    struct("trait_object_fields", Cases::zoo, ids(Dog.class, 260, Cat.class, 261, Zoo.class, 262));
    for (boolean compatible : new boolean[] {false, true}) {
      ALL.add(
          new Case(
              "trait_object_shared" + (compatible ? "_compatible" : ""),
              Cases::pen,
              Cases::pen,
              compatible,
              true,
              ids(Dog.class, 260, Cat.class, 261, Pen.class, 263),
              Cases::oneDogInPen,
              null));
    }
    // ------------------------------------------------------------ ext types
    // Money has a custom serializer (MoneySerializer): an EXT user type by id, NAMED_EXT by name.
    Consumer<Fory> moneyById =
        f -> {
          f.register(Money.class, 270);
          f.registerSerializer(Money.class, MoneySerializer::new);
        };
    Consumer<Fory> moneyByName =
        f -> {
          f.register(Money.class, "example", "Money");
          f.registerSerializer(Money.class, MoneySerializer::new);
        };
    struct("ext_value", () -> new Money(1999, "EUR"), moneyById);
    struct("ext_value_by_name", () -> new Money(1999, "EUR"), moneyByName);
    struct("ext_field", Cases::invoice, moneyById.andThen(f -> f.register(Invoice.class, 271)));
    struct(
        "ext_field_by_name", Cases::invoice, moneyByName.andThen(f -> f.register(Invoice.class, 271)));
    struct("ext_collections", Cases::wallet, moneyById.andThen(f -> f.register(Wallet.class, 272)));
    // The numpy cases: the Python peer writes numpy arrays, this one Java's primitive arrays.
    oob("oob_numpy_float64_out_of_band", () -> new double[] {1.5, -2.0}, Oob.OUT_OF_BAND, NONE);
    oob("oob_numpy_int32_out_of_band", () -> new int[] {1, -1}, Oob.OUT_OF_BAND, NONE);
    oob("oob_numpy_struct_out_of_band", Cases::samples, Oob.OUT_OF_BAND, ids(Samples.class, 301));
    oob("oob_numpy_struct_alternating", Cases::samples, Oob.ALTERNATING, ids(Samples.class, 301));
    oob(
        "oob_numpy_list_out_of_band",
        () -> list(new byte[] {1, 2, 3}, new double[] {1.5, -2.0}, new int[] {1, -1}),
        Oob.OUT_OF_BAND,
        NONE);
  }

  /** {@code Invoice {item: "tea", price: Money {cents: -250, currency: "GBP"}, count: 3}}. */
  private static Invoice invoice() {
    Invoice i = new Invoice();
    i.item = "tea";
    i.price = new Money(-250, "GBP");
    i.count = 3;
    return i;
  }

  /**
   * {@code Wallet {coins: [Money(1, "EUR"), Money(2, "EUR")], spare: Money(3, "EUR"), byOwner:
   * {"a": Money(4, "EUR")}}}.
   */
  private static Wallet wallet() {
    Wallet w = new Wallet();
    w.coins = list(new Money(1, "EUR"), new Money(2, "EUR"));
    w.spare = new Money(3, "EUR");
    w.byOwner = map("a", new Money(4, "EUR"));
    return w;
  }

  /** {@code {numbers: [null, null], texts: [null], counts: [null]}}. */
  private static AllNullLists allNullLists() {
    AllNullLists a = new AllNullLists();
    a.numbers = Cases.<Double>list(null, null);
    a.texts = Cases.<String>list((String) null);
    a.counts = Cases.<Integer>list((Integer) null);
    return a;
  }

  /** {@code {items: [null, i, i]}}, {@code i = {x: 1, label: "i"}} one object. */
  private static SharedItems sharedItems() {
    Inner i = new Inner(1, "i");
    SharedItems s = new SharedItems();
    s.items = Cases.<Inner>list(null, i, i);
    return s;
  }

  /** Null when {@code items[1]} and {@code items[2]} are one object; else what is wrong. */
  private static String oneSharedItem(Object got) {
    List<Inner> items = ((SharedItems) got).items;
    return items.size() == 3 && items.get(1) != items.get(2)
        ? "items[1] and items[2] decoded as two objects, expected one"
        : null;
  }

  /** The list of the polymorphic cases: two structs, an enum, scalars and a null. */
  private static List<Object> polymorphicItems() {
    return Cases.<Object>list(new Inner(1, "i"), Color.BLUE, "s", 7L, 2.5d, null, new Other(-3L, "o"));
  }

  /** {@code Pen {first: d, second: d, all: [d, Cat(9)]}}, d one {@code Dog("Rex", 7)}. */
  private static Pen pen() {
    Dog d = new Dog("Rex", 7);
    Pen p = new Pen();
    p.first = d;
    p.second = d;
    p.all = Cases.<Animal>list(d, new Cat(9));
    return p;
  }

  private static String oneDogInPen(Object got) {
    Pen p = (Pen) got;
    return p.first == p.second && p.all.get(0) == p.first
        ? null
        : "first, second and all[0] decoded as several objects, expected one";
  }

  /** {@code Zoo {star: Dog("Rex", 7), animals: [Cat(9), Dog("Ace", 3)], keepers: {"kim": Cat(1)}}}. */
  private static Zoo zoo() {
    Zoo z = new Zoo();
    z.star = new Dog("Rex", 7);
    z.animals = Cases.<Animal>list(new Cat(9), new Dog("Ace", 3));
    z.keepers = Cases.<String, Animal>map("kim", new Cat(1));
    return z;
  }

  private static Bag bag() {
    Bag b = new Bag();
    b.name = "bag";
    b.items = polymorphicItems();
    return b;
  }

  /** {@code {by_key: {"k001": [], "k002": [1, -2]}, nested: [["a"], []]}}. */
  private static RefLists refLists() {
    RefLists r = new RefLists();
    r.byKey = map("k001", Cases.<Long>list(), "k002", list(1L, -2L));
    r.nested = list(list("a"), Cases.<String>list());
    return r;
  }

  /** {@code {first: case 0 (7), second: case 2 (Inner {x: 1, label: "i"}), third: case 1 ("s")}}. */
  private static Choices choices(boolean compatible) {
    Choices c = new Choices();
    c.first = Choice.ofNumber(7);
    c.second = Choice.ofInner(new Inner(1, "i"), compatible);
    c.third = Choice.ofText("s");
    return c;
  }

  private static Object sharedList() {
    List<String> x = list("a");
    return list(x, x);
  }

  private static Primitives primitives() {
    Primitives p = new Primitives();
    p.flag = true;
    p.tiny = -5;
    p.shortValue = -300;
    p.count = 123456;
    p.total = -9876543210L;
    p.ratio = 1.5f;
    p.precise = -2.25;
    return p;
  }

  private static NullablePrimitives nullablePrimitives() {
    NullablePrimitives p = new NullablePrimitives();
    p.flag = true;
    p.tiny = null;
    p.shortValue = -300;
    p.count = 123456;
    p.total = -9876543210L;
    p.ratio = null;
    p.precise = -2.25;
    return p;
  }

  private static Strings strings() {
    Strings s = new Strings();
    s.ascii = "hello";
    s.latin1 = "caf\u00e9";
    s.cjk = "\u4f60\u597d";
    s.empty = "";
    return s;
  }

  private static Outer outer() {
    Outer o = new Outer();
    o.name = "outer";
    o.inner = new Inner(7, "in");
    o.count = 2;
    return o;
  }

  private static Collections collections() {
    Collections c = new Collections();
    c.names = list("a", "b");
    c.tags = new LinkedHashSet<>(list("x"));
    c.scores = map("a", 1);
    c.ids = new long[] {1, -2, 3};
    c.matrix = list(list(1), list(2, 3));
    return c;
  }

  private static WithEnum withEnum() {
    WithEnum w = new WithEnum();
    w.color = Color.BLUE;
    w.count = 3;
    return w;
  }

  private static EventLog eventLog(boolean compatible) {
    EventLog log = new EventLog();
    log.click = Event.ofClick(1, -2, compatible);
    log.pair = Event.ofPair("p", 3, compatible);
    log.key = Event.ofKey("k");
    log.quit = Event.quit();
    log.count = 4;
    return log;
  }

  private static WithUnion withUnion() {
    WithUnion w = new WithUnion();
    w.shape = Shape.ofRadius(2.5);
    w.count = 4;
    return w;
  }

  private static Optionals optionalsSet() {
    Optionals o = new Optionals();
    o.maybeName = "n";
    o.maybeCount = 5;
    o.maybeList = list("l");
    o.maybeInner = new Inner(1, "i");
    return o;
  }

  private static Unsigned unsigned() {
    Unsigned u = new Unsigned();
    u.u8v = 200;
    u.u16v = 60000;
    u.u32Fixed = 4_000_000_000L;
    u.u32Var = 4_000_000_000L;
    u.u64Fixed = Long.MIN_VALUE + 5; // 2^63 + 5 as an unsigned 64-bit pattern
    u.u64Var = Long.MIN_VALUE + 5;
    u.u64Tagged = 1L << 40;
    u.i32Fixed = -7;
    u.i64Fixed = -8;
    u.i64Tagged = 1L << 40;
    return u;
  }

  private static Tagged tagged() {
    Tagged t = new Tagged();
    t.name = "t";
    t.age = 30;
    t.email = null;
    t.note = "no tag";
    return t;
  }

  private static Pair pair() {
    Pair p = new Pair();
    p.key = "k";
    p.value = 9;
    p.items = new int[] {1, 2};
    return p;
  }

  private static Many many() {
    Many m = new Many();
    m.f01 = true;
    m.f02 = 1;
    m.f03 = 2;
    m.f04 = 3;
    m.f05 = 4;
    m.f06 = 5.5f;
    m.f07 = 6.5;
    m.f08 = "s8";
    m.f09 = false;
    m.f10 = -1;
    m.f11 = -2;
    m.f12 = -3;
    m.f13 = -4;
    m.f14 = -5.5f;
    m.f15 = -6.5;
    m.f16 = "s16";
    m.f17 = true;
    m.f18 = 17;
    m.f19 = 18;
    m.f20 = 19;
    m.f21 = 20;
    m.f22 = 21.5f;
    m.f23 = 22.5;
    m.f24 = "s24";
    m.f25 = false;
    m.f26 = 25;
    m.f27 = 26;
    m.f28 = 27;
    m.f29 = 28;
    m.f30 = 29.5f;
    m.f31 = 30.5;
    m.f32 = "s32";
    return m;
  }

  private static Point point() {
    Point p = new Point();
    p.f0 = 3;
    p.f1 = -4;
    return p;
  }

  private static Person person() {
    Person p = new Person();
    p.name = "Ada";
    p.age = 36;
    return p;
  }

  private static Rec rec() {
    Rec r = new Rec();
    r.data = new byte[] {1, 2, 3};
    r.values = new double[] {1.5, -2.0};
    return r;
  }

  private static Samples samples() {
    Samples s = new Samples();
    s.data = new byte[] {1, 2, 3};
    s.values = new double[] {1.5, -2.0};
    s.ids = new int[] {1, -1};
    return s;
  }

  /** The numbers of the list/array cases: edge values, then an empty field. */
  private static final boolean[] BOOLS = {true, false};

  private static final short[] SHORTS = {1, -1, Short.MIN_VALUE, Short.MAX_VALUE};

  private static final int[] INTS = {1, -1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE};

  private static final long[] LONGS = {1, -1, Long.MIN_VALUE, Long.MAX_VALUE};

  private static final float[] FLOATS = {1.5f, -2.0f, Float.MAX_VALUE};

  private static final double[] DOUBLES = {1.5, -2.0, Double.MAX_VALUE};

  private static Structs.ArrayToList arrayToList() {
    Structs.ArrayToList a = new Structs.ArrayToList();
    a.bools = BOOLS.clone();
    a.shorts = SHORTS.clone();
    a.ints = INTS.clone();
    a.longs = LONGS.clone();
    a.floats = FLOATS.clone();
    a.doubles = DOUBLES.clone();
    a.empty = new int[0];
    return a;
  }

  private static Structs.ListToArray listToArray() {
    Structs.ListToArray l = new Structs.ListToArray();
    l.bools = new ArrayList<>();
    for (boolean b : BOOLS) {
      l.bools.add(b);
    }
    l.shorts = new ArrayList<>();
    for (short s : SHORTS) {
      l.shorts.add(s);
    }
    l.ints = new ArrayList<>();
    for (int i : INTS) {
      l.ints.add(i);
    }
    l.longs = new ArrayList<>();
    for (long x : LONGS) {
      l.longs.add(x);
    }
    l.floats = new ArrayList<>();
    for (float f : FLOATS) {
      l.floats.add(f);
    }
    l.doubles = new ArrayList<>();
    for (double d : DOUBLES) {
      l.doubles.add(d);
    }
    l.empty = new ArrayList<>();
    return l;
  }

  private static Evolving evolving(Inner b) {
    Evolving e = new Evolving();
    e.a = 1;
    e.b = b;
    e.c = list("x", "y");
    return e;
  }
}
