package xlangtests.peer;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.fory.type.union.Union;

/** Readable rendering, comparison and normalization of decoded values. */
final class Values {
  private Values() {}

  // ---------------------------------------------------------------- rendering

  /** A readable form that shows the Java type of scalars (1L, 1, (short) 1, 1.5f, 1.5d). */
  static String show(Object v) {
    StringBuilder sb = new StringBuilder();
    show(v, sb);
    return sb.toString();
  }

  private static void show(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String) {
      sb.append('"');
      String s = (String) v;
      if (s.length() > 40) {
        sb.append(s, 0, 20).append("...(").append(s.length()).append(" chars)");
      } else {
        sb.append(s);
      }
      sb.append('"');
    } else if (v instanceof Long) {
      sb.append(v).append('L');
    } else if (v instanceof Integer) {
      sb.append(v);
    } else if (v instanceof Short) {
      sb.append("(short) ").append(v);
    } else if (v instanceof Byte) {
      sb.append("(byte) ").append(v);
    } else if (v instanceof Float) {
      sb.append(v).append('f');
    } else if (v instanceof Double) {
      sb.append(v).append('d');
    } else if (v instanceof Enum) {
      sb.append(((Enum<?>) v).getDeclaringClass().getSimpleName()).append('.').append(v);
    } else if (v.getClass().isArray()) {
      sb.append(v.getClass().getComponentType().getSimpleName()).append("[]{");
      int n = Array.getLength(v);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        show(Array.get(v, i), sb);
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append(v.getClass().getSimpleName()).append('[');
      appendAll((Collection<?>) v, sb);
      sb.append(']');
    } else if (v instanceof Set) {
      sb.append(v.getClass().getSimpleName()).append('{');
      appendAll((Collection<?>) v, sb);
      sb.append('}');
    } else if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      sb.append(v.getClass().getSimpleName()).append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (i > 0) {
          sb.append(", ");
        }
        if (i++ == 6 && m.size() > 8) {
          sb.append("... ").append(m.size()).append(" entries");
          break;
        }
        show(e.getKey(), sb);
        sb.append('=');
        show(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof Union) {
      Union u = (Union) v;
      sb.append(v.getClass().getSimpleName()).append("(case ").append(u.getIndex()).append(": ");
      show(u.getValue(), sb);
      sb.append(')');
    } else if (isStruct(v.getClass())) {
      sb.append(v.getClass().getSimpleName()).append('{');
      int i = 0;
      for (Field f : fields(v.getClass())) {
        if (i++ > 0) {
          sb.append(", ");
        }
        sb.append(f.getName()).append('=');
        show(get(f, v), sb);
      }
      sb.append('}');
    } else {
      sb.append(v.getClass().getSimpleName()).append(' ').append(v);
    }
  }

  private static void appendAll(Collection<?> c, StringBuilder sb) {
    int i = 0;
    for (Object o : c) {
      if (i > 0) {
        sb.append(", ");
      }
      if (i++ == 10 && c.size() > 12) {
        sb.append("... ").append(c.size()).append(" elements");
        break;
      }
      show(o, sb);
    }
  }

  // ---------------------------------------------------------------- comparison

  /** Null when {@code got} equals {@code want}; otherwise where and how they differ. */
  static String diff(Object got, Object want) {
    return diff(got, want, "value");
  }

  private static String diff(Object got, Object want, String path) {
    if (got == null || want == null) {
      return got == want ? null : mismatch(path, got, want);
    }
    if (want.getClass().isArray()) {
      if (got.getClass() != want.getClass()) {
        return mismatch(path, got, want);
      }
      boolean same;
      if (want instanceof double[]) {
        // Arrays.equals(double[]) compares doubleToLongBits: -0.0 != 0.0, NaN == NaN.
        same = java.util.Arrays.equals((double[]) got, (double[]) want);
      } else if (want instanceof float[]) {
        same = java.util.Arrays.equals((float[]) got, (float[]) want);
      } else if (want instanceof Object[]) {
        same = java.util.Arrays.deepEquals((Object[]) got, (Object[]) want);
      } else {
        // byte[], short[], int[], long[], boolean[], char[]: element-wise.
        same = Array.getLength(got) == Array.getLength(want);
        for (int i = 0; same && i < Array.getLength(want); i++) {
          same = Array.get(got, i).equals(Array.get(want, i));
        }
      }
      return same ? null : mismatch(path, got, want);
    }
    if (want instanceof Double) {
      return got instanceof Double
              && Double.doubleToLongBits((Double) got) == Double.doubleToLongBits((Double) want)
          ? null
          : mismatch(path, got, want);
    }
    if (want instanceof Float) {
      return got instanceof Float
              && Float.floatToIntBits((Float) got) == Float.floatToIntBits((Float) want)
          ? null
          : mismatch(path, got, want);
    }
    if (want instanceof BigDecimal) {
      return got instanceof BigDecimal && ((BigDecimal) got).compareTo((BigDecimal) want) == 0
          ? null
          : mismatch(path, got, want);
    }
    if (want instanceof List) {
      if (!(got instanceof List)) {
        return mismatch(path, got, want);
      }
      List<?> g = (List<?>) got;
      List<?> w = (List<?>) want;
      if (g.size() != w.size()) {
        return mismatch(path, got, want);
      }
      for (int i = 0; i < w.size(); i++) {
        String d = diff(g.get(i), w.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (want instanceof Set) {
      // Elements of the suite's sets are scalars, so equals() is exact here.
      return got instanceof Set && got.equals(want) ? null : mismatch(path, got, want);
    }
    if (want instanceof Map) {
      if (!(got instanceof Map)) {
        return mismatch(path, got, want);
      }
      Map<?, ?> g = (Map<?, ?>) got;
      Map<?, ?> w = (Map<?, ?>) want;
      if (!g.keySet().equals(w.keySet())) {
        return mismatch(path + " keys", g.keySet(), w.keySet());
      }
      for (Map.Entry<?, ?> e : w.entrySet()) {
        String d = diff(g.get(e.getKey()), e.getValue(), path + "[" + show(e.getKey()) + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (want instanceof Union) {
      if (got.getClass() != want.getClass()) {
        return mismatch(path, got, want);
      }
      Union g = (Union) got;
      Union w = (Union) want;
      if (g.getIndex() != w.getIndex()) {
        return mismatch(path + " case", g.getIndex(), w.getIndex());
      }
      return diff(g.getValue(), w.getValue(), path + ".value");
    }
    if (isStruct(want.getClass())) {
      if (got.getClass() != want.getClass()) {
        return mismatch(path, got, want);
      }
      for (Field f : fields(want.getClass())) {
        String d = diff(get(f, got), get(f, want), path + "." + f.getName());
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    // Long vs Integer, String, Boolean, enums, LocalDate, Instant, Duration: exact equals (the
    // class must match too, since e.g. Integer 1 never equals Long 1).
    return got.equals(want) ? null : mismatch(path, got, want);
  }

  private static String mismatch(String path, Object got, Object want) {
    return (path.equals("value") ? "" : path + ": ") + "decoded " + show(got) + " ("
        + typeName(got) + "), expected " + show(want) + " (" + typeName(want) + ")";
  }

  private static String typeName(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }

  // ---------------------------------------------------------------- normalization

  /**
   * Copies the decoded value's maps and sets into insertion-ordered containers sorted by key, so
   * that re-encoding does not depend on HashMap order. Shared objects stay shared.
   */
  static Object normalize(Object v) {
    return normalize(v, new IdentityHashMap<>());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object normalize(Object v, IdentityHashMap<Object, Object> seen) {
    if (v == null) {
      return null;
    }
    Object done = seen.get(v);
    if (done != null) {
      return done;
    }
    Object out = v;
    if (v instanceof Map && !(v instanceof LinkedHashMap) && !(v instanceof TreeMap)) {
      Map<Object, Object> m = (Map<Object, Object>) v;
      Map<Object, Object> r = new LinkedHashMap<>();
      seen.put(v, r);
      for (Object k : sortedKeys(m.keySet())) {
        r.put(normalize(k, seen), normalize(m.get(k), seen));
      }
      out = r;
    } else if (v instanceof Set && !(v instanceof LinkedHashSet) && !(v instanceof TreeSet)) {
      Set<Object> r = new LinkedHashSet<>();
      seen.put(v, r);
      for (Object e : sortedKeys((Set<Object>) v)) {
        r.add(normalize(e, seen));
      }
      out = r;
    } else if (v instanceof List) {
      List<Object> l = (List<Object>) v;
      seen.put(v, v);
      for (int i = 0; i < l.size(); i++) {
        Object e = l.get(i);
        Object n = normalize(e, seen);
        if (n != e) {
          l.set(i, n);
        }
      }
    }
    seen.putIfAbsent(v, out);
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Object> sortedKeys(Collection<Object> keys) {
    List<Object> l = new ArrayList<>(keys);
    boolean comparable = true;
    Class<?> cls = null;
    for (Object k : l) {
      if (!(k instanceof Comparable) || (cls != null && k.getClass() != cls)) {
        comparable = false;
        break;
      }
      cls = k.getClass();
    }
    if (comparable) {
      l.sort((a, b) -> ((Comparable) a).compareTo(b));
    }
    return l;
  }

  // ---------------------------------------------------------------- reflection helpers

  static boolean isStruct(Class<?> c) {
    return c.getEnclosingClass() == Structs.class;
  }

  static List<Field> fields(Class<?> c) {
    List<Field> out = new ArrayList<>();
    for (Field f : c.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        out.add(f);
      }
    }
    return out;
  }

  private static Object get(Field f, Object o) {
    try {
      return f.get(o);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
