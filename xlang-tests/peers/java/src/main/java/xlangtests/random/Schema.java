package xlangtests.random;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cases file of the generative suite (xlang-tests/GENERATIVE.md), as Java objects. */
final class Schema {
  private Schema() {}

  /** A type: a scalar, an encoded integer, an array, a list, a set, a map or a user type. */
  static final class Type {
    /**
     * "bool" ... "binary", "array", "list", "set", "map", "struct", "enum", "union", "shared" (a
     * struct object named by {@code {"object": k}}, held by identity).
     */
    final String kind;
    /** "fixed" or "tagged" for an encoded integer field, else null. */
    final String encoding;
    /** The scalar name of an array's elements. */
    final String arrayElement;
    /** The element of a list or set, or null. */
    final Type element;
    /** A map's key and value types, or null. */
    final Type key;

    final Type value;
    /** Whether a list's elements or a map's values may be null. */
    final boolean nullable;
    /** The user type's name, for struct, enum and union. */
    final String typeName;

    private Type(
        String kind,
        String encoding,
        String arrayElement,
        Type element,
        Type key,
        Type value,
        boolean nullable,
        String typeName) {
      this.kind = kind;
      this.encoding = encoding;
      this.arrayElement = arrayElement;
      this.element = element;
      this.key = key;
      this.value = value;
      this.nullable = nullable;
      this.typeName = typeName;
    }

    /** The type of a field holding the struct {@code name}. */
    static Type struct(String name) {
      return new Type("struct", null, null, null, null, null, false, name);
    }

    boolean isUser() {
      return kind.equals("struct") || kind.equals("enum") || kind.equals("union");
    }

    static Type parse(JsonObject o) {
      String kind = o.get("kind").getAsString();
      switch (kind) {
        case "array":
          String element = o.get("element").getAsString();
          return new Type(kind, null, element, null, null, null, false, null);
        case "list":
          return new Type(
              kind,
              null,
              null,
              parse(o.getAsJsonObject("element")),
              null,
              null,
              o.get("nullable").getAsBoolean(),
              null);
        case "set":
          return new Type(
              kind, null, null, parse(o.getAsJsonObject("element")), null, null, false, null);
        case "map":
          return new Type(
              kind,
              null,
              null,
              null,
              parse(o.getAsJsonObject("key")),
              parse(o.getAsJsonObject("value")),
              o.get("nullable").getAsBoolean(),
              null);
        case "struct":
        case "enum":
        case "union":
        case "shared":
          return new Type(kind, null, null, null, null, null, false, o.get("type").getAsString());
        default:
          JsonElement e = o.get("encoding");
          return new Type(
              kind, e == null ? null : e.getAsString(), null, null, null, null, false, null);
      }
    }

    @Override
    public String toString() {
      switch (kind) {
        case "array":
          return "array<" + arrayElement + ">";
        case "list":
          return "list<" + element + (nullable ? "?" : "") + ">";
        case "set":
          return "set<" + element + ">";
        case "map":
          return "map<" + key + ", " + value + (nullable ? "?" : "") + ">";
        case "struct":
        case "enum":
        case "union":
          return typeName;
        case "shared":
          return "&" + typeName;
        default:
          return encoding == null ? kind : kind + "(" + encoding + ")";
      }
    }
  }

  /** A struct field. */
  static final class Field {
    final String name;
    /** The tag id, or null. */
    final Integer tag;

    final boolean nullable;
    final Type type;

    Field(JsonObject o) {
      name = o.get("name").getAsString();
      JsonElement t = o.get("tag");
      tag = t == null || t.isJsonNull() ? null : t.getAsInt();
      nullable = o.get("nullable").getAsBoolean();
      type = Type.parse(o.getAsJsonObject("type"));
    }
  }

  /** A user type: a struct, an enum or a union, registered by id or by name. */
  static final class UserType {
    final String name;
    /** "struct", "enum" or "union". */
    final String kind;
    /** The registration id, or null when registered by name. */
    final Integer id;

    final String namespace;
    final String typeName;
    /** A struct's fields, in declaration order. */
    final List<Field> fields = new ArrayList<>();
    /** An enum's number of variants. */
    final int variants;
    /** A union's case types. */
    final List<Type> cases = new ArrayList<>();

    UserType(JsonObject o) {
      name = o.get("name").getAsString();
      kind = o.get("kind").getAsString();
      JsonElement i = o.get("id");
      id = i == null || i.isJsonNull() ? null : i.getAsInt();
      namespace = id == null ? o.get("namespace").getAsString() : null;
      typeName = id == null ? o.get("type_name").getAsString() : null;
      if (kind.equals("struct")) {
        for (JsonElement f : o.getAsJsonArray("fields")) {
          fields.add(new Field(f.getAsJsonObject()));
        }
      }
      variants = kind.equals("enum") ? o.get("variants").getAsInt() : 0;
      if (kind.equals("union")) {
        for (JsonElement c : o.getAsJsonArray("cases")) {
          cases.add(Type.parse(c.getAsJsonObject()));
        }
      }
    }
  }

  /** One case. */
  static final class Case {
    final String name;
    final boolean compatible;
    final boolean refTracking;
    /** "in_band", "out_of_band", "alternating", or null. */
    final String callback;
    /** The user types by name, the root first. */
    final Map<String, UserType> types = new LinkedHashMap<>();

    final UserType root;
    final JsonElement value;
    /** The objects shared positions name: {@code {"type": name, "value": struct}}. */
    final List<JsonObject> objects = new ArrayList<>();

    Case(JsonObject o) {
      name = o.get("name").getAsString();
      compatible = o.get("compatible").getAsBoolean();
      refTracking = o.get("ref_tracking").getAsBoolean();
      JsonElement cb = o.get("callback");
      callback = cb == null || cb.isJsonNull() ? null : cb.getAsString();
      JsonArray ts = o.getAsJsonArray("types");
      UserType first = null;
      for (JsonElement t : ts) {
        UserType u = new UserType(t.getAsJsonObject());
        types.put(u.name, u);
        if (first == null) {
          first = u;
        }
      }
      root = first;
      value = o.get("value");
      JsonElement objs = o.get("objects");
      if (objs != null && !objs.isJsonNull()) {
        for (JsonElement e : objs.getAsJsonArray()) {
          objects.add(e.getAsJsonObject());
        }
      }
    }

    UserType type(String name) {
      UserType t = types.get(name);
      if (t == null) {
        throw new IllegalArgumentException("case " + this.name + ": no user type " + name);
      }
      return t;
    }

    /** Whether the callback keeps the {@code index}-th buffer (0-based) in-band. */
    boolean inBand(int index) {
      return callback.equals("in_band") || (callback.equals("alternating") && index % 2 == 1);
    }
  }

  /** Every case of a cases document. */
  static List<Case> cases(JsonObject document) {
    List<Case> out = new ArrayList<>();
    for (JsonElement c : document.getAsJsonArray("cases")) {
      out.add(new Case(c.getAsJsonObject()));
    }
    return out;
  }
}
