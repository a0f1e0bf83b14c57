package xlangtests.random;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.reflect.Constructor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fory.type.BFloat16;
import org.apache.fory.type.Float16;
import org.apache.fory.type.union.Union;
import xlangtests.random.Schema.Case;
import xlangtests.random.Schema.Field;
import xlangtests.random.Schema.Type;
import xlangtests.random.Schema.UserType;

/**
 * A case's value: built as Java objects from its JSON, and compared with a decoded object (exactly:
 * the Java class of every scalar, floats bit for bit, lists and arrays in order, sets and maps
 * regardless of order).
 */
final class JsonValues {
  private final Case c;
  private final ClassLoader loader;
  private final Map<String, Class<?>> classes = new HashMap<>();

  JsonValues(Case c, ClassLoader loader) {
    this.c = c;
    this.loader = loader;
  }

  /** The class of a user type of the case. */
  Class<?> classOf(String type) {
    return classes.computeIfAbsent(
        type,
        t -> {
          try {
            return Class.forName(SourceGen.className(c, t), true, loader);
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class of " + t + " not compiled", e);
          }
        });
  }

  /** The objects of the case's table, each built once, when first named. */
  private final Map<Integer, Object> objects = new HashMap<>();

  /** During a comparison: the decoded object met for each object index, and the reverse. */
  private final Map<Integer, Object> decodedObjects = new HashMap<>();

  private final Map<Object, Integer> decodedIndex = new java.util.IdentityHashMap<>();

  // ---------------------------------------------------------------- building

  /**
   * Object {@code k} of the table (one Java object however often it is named). It is in the
   * table before its fields are set, so a field can name it (a cycle).
   */
  private Object object(int k) {
    Object o = objects.get(k);
    if (o == null) {
      JsonObject entry = c.objects.get(k);
      UserType u = c.type(entry.get("type").getAsString());
      o = newInstance(u);
      objects.put(k, o);
      fill(u, o, entry.getAsJsonObject("value"));
    }
    return o;
  }

  /** The root value. */
  Object root() {
    return build(structType(c.root.name), c.value);
  }

  private static Type structType(String name) {
    return Type.struct(name);
  }

  /** The Java object of the JSON value {@code j} of type {@code t}. */
  Object build(Type t, JsonElement j) {
    if (j == null || j.isJsonNull()) {
      return null;
    }
    switch (t.kind) {
      case "bool":
        return j.getAsBoolean();
      case "int8":
        return (byte) integer(j).longValue();
      case "int16":
        return (short) integer(j).longValue();
      case "int32":
        return (int) integer(j).longValue();
      case "int64":
        return integer(j).longValue();
      case "uint8":
      case "uint16":
        return (int) integer(j).longValue();
      case "uint32":
        return integer(j).longValue();
      case "uint64":
        return integer(j).longValue(); // the low 64 bits: 2^64-1 is -1L
      case "float16":
        return Float16.fromBits((short) bits(j));
      case "bfloat16":
        return BFloat16.fromBits((short) bits(j));
      case "float32":
        return Float.intBitsToFloat((int) bits(j));
      case "float64":
        return Double.longBitsToDouble(bits(j));
      case "string":
        return j.getAsString();
      case "binary":
        return hex(j.getAsString());
      case "array":
        return array(t.arrayElement, j.getAsJsonArray());
      case "list":
        {
          List<Object> l = new ArrayList<>();
          for (JsonElement e : j.getAsJsonArray()) {
            l.add(build(t.element, e));
          }
          return l;
        }
      case "set":
        {
          Set<Object> s = new LinkedHashSet<>();
          for (JsonElement e : j.getAsJsonArray()) {
            s.add(build(t.element, e));
          }
          return s;
        }
      case "map":
        {
          Map<Object, Object> m = new LinkedHashMap<>();
          for (JsonElement e : j.getAsJsonArray()) {
            JsonArray kv = e.getAsJsonArray();
            m.put(build(t.key, kv.get(0)), build(t.value, kv.get(1)));
          }
          return m;
        }
      case "struct":
        return struct(c.type(t.typeName), j.getAsJsonObject());
      case "shared":
        return object(j.getAsJsonObject().get("object").getAsInt());
      case "enum":
        return classOf(t.typeName).getEnumConstants()[j.getAsInt()];
      case "union":
        {
          UserType u = c.type(t.typeName);
          JsonObject o = j.getAsJsonObject();
          int caseId = o.get("case").getAsInt();
          Type ct = u.cases.get(caseId);
          Object v = build(ct, o.get("value"));
          try {
            Constructor<?> ctor =
                classOf(u.name).getConstructor(int.class, Object.class, int.class);
            return ctor.newInstance(caseId, v, SourceGen.unionTypeId(c, ct));
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      default:
        throw new IllegalArgumentException("unknown type kind " + t.kind);
    }
  }

  private Object struct(UserType u, JsonObject o) {
    Object obj = newInstance(u);
    fill(u, obj, o);
    return obj;
  }

  private Object newInstance(UserType u) {
    try {
      return classOf(u.name).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("building " + u.name + ": " + e, e);
    }
  }

  /** Sets the fields of {@code obj}, a new {@code u}, to the JSON struct {@code o}. */
  private void fill(UserType u, Object obj, JsonObject o) {
    Class<?> cls = classOf(u.name);
    try {
      for (Field f : u.fields) {
        cls.getField(f.name).set(obj, build(f.type, o.get(f.name)));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("building " + u.name + ": " + e, e);
    }
  }

  private static Object array(String element, JsonArray a) {
    int n = a.size();
    switch (element) {
      case "bool":
        {
          boolean[] r = new boolean[n];
          for (int i = 0; i < n; i++) {
            r[i] = a.get(i).getAsBoolean();
          }
          return r;
        }
      case "int8":
      case "uint8":
        {
          byte[] r = new byte[n];
          for (int i = 0; i < n; i++) {
            r[i] = (byte) integer(a.get(i)).longValue();
          }
          return r;
        }
      case "int16":
      case "uint16":
        {
          short[] r = new short[n];
          for (int i = 0; i < n; i++) {
            r[i] = (short) integer(a.get(i)).longValue();
          }
          return r;
        }
      case "float16":
      case "bfloat16":
        {
          short[] r = new short[n];
          for (int i = 0; i < n; i++) {
            r[i] = (short) bits(a.get(i));
          }
          return r;
        }
      case "int32":
      case "uint32":
        {
          int[] r = new int[n];
          for (int i = 0; i < n; i++) {
            r[i] = (int) integer(a.get(i)).longValue();
          }
          return r;
        }
      case "int64":
      case "uint64":
        {
          long[] r = new long[n];
          for (int i = 0; i < n; i++) {
            r[i] = integer(a.get(i)).longValue();
          }
          return r;
        }
      case "float32":
        {
          float[] r = new float[n];
          for (int i = 0; i < n; i++) {
            r[i] = Float.intBitsToFloat((int) bits(a.get(i)));
          }
          return r;
        }
      case "float64":
        {
          double[] r = new double[n];
          for (int i = 0; i < n; i++) {
            r[i] = Double.longBitsToDouble(bits(a.get(i)));
          }
          return r;
        }
      default:
        throw new IllegalArgumentException("no array of " + element);
    }
  }

  private static BigInteger integer(JsonElement j) {
    return new BigInteger(j.getAsString());
  }

  private static long bits(JsonElement j) {
    String s = j.getAsString();
    return Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
  }

  private static byte[] hex(String s) {
    byte[] r = new byte[s.length() / 2];
    for (int i = 0; i < r.length; i++) {
      r[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return r;
  }

  // ---------------------------------------------------------------- comparison

  /** Null when the decoded root equals the case's value, else the first difference. */
  String diffRoot(Object got) {
    decodedObjects.clear();
    decodedIndex.clear();
    return diff(got, structType(c.root.name), c.value, "");
  }

  /**
   * Null when {@code got} is the JSON value {@code want} of type {@code t}; else {@code path:
   * decoded != expected}.
   */
  private String diff(Object got, Type t, JsonElement want, String path) {
    boolean wantNull = want == null || want.isJsonNull();
    if (got == null || wantNull) {
      if (got == null && wantNull) {
        return null;
      }
      return mismatch(path, show(got), wantNull ? "null" : "a value");
    }
    switch (t.kind) {
      case "bool":
      case "int8":
      case "int16":
      case "int32":
      case "int64":
      case "uint8":
      case "uint16":
      case "uint32":
      case "uint64":
      case "float16":
      case "bfloat16":
      case "float32":
      case "float64":
      case "string":
      case "binary":
        {
          Class<?> cls = scalarClass(t.kind);
          if (got.getClass() != cls) {
            return mismatch(path, show(got) + " (" + got.getClass().getName() + ")", cls.getName());
          }
          String g = scalar(t.kind, got);
          String w = scalarJson(t.kind, want);
          return g.equals(w) ? null : mismatch(path, g, w);
        }
      case "array":
        return diffArray(got, t.arrayElement, want.getAsJsonArray(), path);
      case "list":
        {
          if (!(got instanceof List)) {
            return mismatch(path, show(got), "a List");
          }
          List<?> l = (List<?>) got;
          JsonArray a = want.getAsJsonArray();
          if (l.size() != a.size()) {
            return mismatch(path + " length", String.valueOf(l.size()), String.valueOf(a.size()));
          }
          for (int i = 0; i < l.size(); i++) {
            String d = diff(l.get(i), t.element, a.get(i), path + "[" + i + "]");
            if (d != null) {
              return d;
            }
          }
          return null;
        }
      case "set":
        {
          if (!(got instanceof Set)) {
            return mismatch(path, show(got), "a Set");
          }
          Set<?> s = (Set<?>) got;
          JsonArray a = want.getAsJsonArray();
          // Each element by its canonical form; the elements are scalars.
          TreeMap<String, Object> byKey = new TreeMap<>();
          for (Object e : s) {
            if (e != null && e.getClass() != scalarClass(t.element.kind)) {
              return mismatch(
                  path + "{" + show(e) + "}",
                  show(e) + " (" + e.getClass().getName() + ")",
                  scalarClass(t.element.kind).getName());
            }
            byKey.put(e == null ? "null" : scalar(t.element.kind, e), e);
          }
          TreeMap<String, Integer> wanted = new TreeMap<>();
          for (JsonElement e : a) {
            wanted.merge(scalarJson(t.element.kind, e), 1, Integer::sum);
          }
          for (String k : wanted.keySet()) {
            if (!byKey.containsKey(k)) {
              return mismatch(path, "a set without " + k, "a set with it");
            }
          }
          for (String k : byKey.keySet()) {
            if (!wanted.containsKey(k)) {
              return mismatch(path, "a set with " + k, "a set without it");
            }
          }
          if (s.size() != a.size()) {
            return mismatch(path + " size", String.valueOf(s.size()), String.valueOf(a.size()));
          }
          return null;
        }
      case "map":
        {
          if (!(got instanceof Map)) {
            return mismatch(path, show(got), "a Map");
          }
          Map<?, ?> m = (Map<?, ?>) got;
          JsonArray a = want.getAsJsonArray();
          Map<String, Object> byKey = new HashMap<>();
          for (Map.Entry<?, ?> e : m.entrySet()) {
            Object k = e.getKey();
            if (k == null || k.getClass() != scalarClass(t.key.kind)) {
              return mismatch(
                  path + " key",
                  show(k) + (k == null ? "" : " (" + k.getClass().getName() + ")"),
                  scalarClass(t.key.kind).getName());
            }
            byKey.put(scalar(t.key.kind, k), e.getValue());
          }
          for (JsonElement e : a) {
            JsonArray kv = e.getAsJsonArray();
            String k = scalarJson(t.key.kind, kv.get(0));
            if (!byKey.containsKey(k)) {
              return mismatch(path + "[" + k + "]", "missing", "present");
            }
            String d = diff(byKey.get(k), t.value, kv.get(1), path + "[" + k + "]");
            if (d != null) {
              return d;
            }
          }
          if (m.size() != a.size()) {
            return mismatch(path + " size", String.valueOf(m.size()), String.valueOf(a.size()));
          }
          return null;
        }
      case "struct":
        {
          UserType u = c.type(t.typeName);
          Class<?> cls = classOf(u.name);
          if (got.getClass() != cls) {
            return mismatch(path, got.getClass().getName(), cls.getName());
          }
          JsonObject o = want.getAsJsonObject();
          for (Field f : u.fields) {
            Object v;
            try {
              v = cls.getField(f.name).get(got);
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }
            String p = path.isEmpty() ? f.name : path + "." + f.name;
            String d = diff(v, f.type, o.get(f.name), p);
            if (d != null) {
              return d;
            }
          }
          return null;
        }
      case "shared":
        {
          // One decoded object per object index, a different one for each index; its value is
          // compared where it is met first.
          int k = want.getAsJsonObject().get("object").getAsInt();
          Object seen = decodedObjects.get(k);
          if (seen != null) {
            return seen == got
                ? null
                : mismatch(path, "another object", "the object (#" + k + ") read before");
          }
          Integer other = decodedIndex.get(got);
          if (other != null) {
            return mismatch(path, "the object #" + other + " read before", "object #" + k);
          }
          decodedObjects.put(k, got);
          decodedIndex.put(got, k);
          JsonObject entry = c.objects.get(k);
          return diff(
              got,
              structType(entry.get("type").getAsString()),
              entry.getAsJsonObject("value"),
              path + "<#" + k + ">");
        }
      case "enum":
        {
          Class<?> cls = classOf(t.typeName);
          if (got.getClass() != cls) {
            return mismatch(path, show(got) + " (" + got.getClass().getName() + ")", cls.getName());
          }
          int g = ((Enum<?>) got).ordinal();
          return g == want.getAsInt() ? null : mismatch(path, "V" + g, "V" + want.getAsInt());
        }
      case "union":
        {
          UserType u = c.type(t.typeName);
          Class<?> cls = classOf(u.name);
          if (got.getClass() != cls) {
            return mismatch(path, got.getClass().getName(), cls.getName());
          }
          Union g = (Union) got;
          JsonObject o = want.getAsJsonObject();
          int caseId = o.get("case").getAsInt();
          if (g.getIndex() != caseId) {
            return mismatch(path + " case", String.valueOf(g.getIndex()), String.valueOf(caseId));
          }
          return diff(g.getValue(), u.cases.get(caseId), o.get("value"), path + ".value");
        }
      default:
        throw new IllegalArgumentException("unknown type kind " + t.kind);
    }
  }

  private String diffArray(Object got, String element, JsonArray want, String path) {
    Class<?> cls = array(element, new JsonArray()).getClass();
    if (got.getClass() != cls) {
      return mismatch(path, show(got), cls.getSimpleName());
    }
    int n = java.lang.reflect.Array.getLength(got);
    if (n != want.size()) {
      return mismatch(path + " length", String.valueOf(n), String.valueOf(want.size()));
    }
    for (int i = 0; i < n; i++) {
      Object e = java.lang.reflect.Array.get(got, i);
      String g;
      switch (element) {
        case "uint8":
          g = String.valueOf(((Byte) e) & 0xff);
          break;
        case "uint16":
          g = String.valueOf(((Short) e) & 0xffff);
          break;
        case "uint32":
          g = String.valueOf(((Integer) e) & 0xffffffffL);
          break;
        case "uint64":
          g = Long.toUnsignedString((Long) e);
          break;
        case "float16":
        case "bfloat16":
          g = hexBits(((Short) e) & 0xffff, 4);
          break;
        case "float32":
          g = hexBits(Float.floatToRawIntBits((Float) e) & 0xffffffffL, 8);
          break;
        case "float64":
          g = hexBits(Double.doubleToRawLongBits((Double) e), 16);
          break;
        default:
          g = String.valueOf(e);
      }
      String w = scalarJson(element, want.get(i));
      if (!g.equals(w)) {
        return mismatch(path + "[" + i + "]", g, w);
      }
    }
    return null;
  }

  /** The Java class a decoded scalar of this kind has. */
  private static Class<?> scalarClass(String kind) {
    switch (kind) {
      case "bool":
        return Boolean.class;
      case "int8":
        return Byte.class;
      case "int16":
        return Short.class;
      case "int32":
      case "uint8":
      case "uint16":
        return Integer.class;
      case "int64":
      case "uint32":
      case "uint64":
        return Long.class;
      case "float16":
        return Float16.class;
      case "bfloat16":
        return BFloat16.class;
      case "float32":
        return Float.class;
      case "float64":
        return Double.class;
      case "string":
        return String.class;
      case "binary":
        return byte[].class;
      default:
        throw new IllegalArgumentException("not a scalar: " + kind);
    }
  }

  /** A decoded scalar in the form of the JSON (decimal integers, hex float bits, hex binary). */
  private static String scalar(String kind, Object v) {
    switch (kind) {
      case "uint64":
        return Long.toUnsignedString((Long) v);
      case "float16":
        return hexBits(((Float16) v).toBits() & 0xffff, 4);
      case "bfloat16":
        return hexBits(((BFloat16) v).toBits() & 0xffff, 4);
      case "float32":
        return hexBits(Float.floatToRawIntBits((Float) v) & 0xffffffffL, 8);
      case "float64":
        return hexBits(Double.doubleToRawLongBits((Double) v), 16);
      case "string":
        return quote((String) v);
      case "binary":
        return hexString((byte[]) v);
      default:
        return String.valueOf(v);
    }
  }

  /** A JSON scalar in the same form. */
  private static String scalarJson(String kind, JsonElement j) {
    switch (kind) {
      case "bool":
        return String.valueOf(j.getAsBoolean());
      case "float16":
      case "bfloat16":
        return hexBits(bits(j), 4);
      case "float32":
        return hexBits(bits(j), 8);
      case "float64":
        return hexBits(bits(j), 16);
      case "string":
        return quote(j.getAsString());
      case "binary":
        return "0x" + j.getAsString().toLowerCase(Locale.ROOT);
      default:
        return new BigInteger(j.getAsString()).toString();
    }
  }

  private static String hexBits(long bits, int digits) {
    String h = Long.toHexString(bits);
    StringBuilder sb = new StringBuilder("0x");
    for (int i = h.length(); i < digits; i++) {
      sb.append('0');
    }
    return sb.append(h).toString();
  }

  private static String hexString(byte[] b) {
    StringBuilder sb = new StringBuilder("0x");
    for (byte x : b) {
      sb.append(String.format(Locale.ROOT, "%02x", x & 0xff));
    }
    return sb.toString();
  }

  /** A string with the characters that would break the one-line report escaped, shortened. */
  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f || cp == '"' || cp == '\\') {
                sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.append('"').toString();
  }

  private static String show(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof byte[]) {
      return hexString((byte[]) v);
    }
    if (v.getClass().isArray()) {
      String s = v.getClass().getComponentType().getSimpleName() + "[]";
      return s + " of " + java.lang.reflect.Array.getLength(v);
    }
    if (v instanceof String) {
      String q = quote((String) v);
      if (q.length() > 60) {
        return q.substring(0, 50) + "...\" (" + ((String) v).length() + " chars)";
      }
      return q;
    }
    if (v instanceof List || v instanceof Set || v instanceof Map) {
      int n = v instanceof Map ? ((Map<?, ?>) v).size() : ((java.util.Collection<?>) v).size();
      return v.getClass().getSimpleName() + " of " + n;
    }
    return String.valueOf(v);
  }

  private static String mismatch(String path, String got, String want) {
    String g = got.length() > 200 ? got.substring(0, 200) + "..." : got;
    String w = want.length() > 200 ? want.substring(0, 200) + "..." : want;
    return (path.isEmpty() ? "value" : path) + ": " + g + " != " + w;
  }
}
