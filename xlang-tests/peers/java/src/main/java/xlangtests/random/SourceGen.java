package xlangtests.random;

import java.util.List;
import org.apache.fory.type.Types;
import xlangtests.random.Schema.Case;
import xlangtests.random.Schema.Field;
import xlangtests.random.Schema.Type;
import xlangtests.random.Schema.UserType;

/**
 * The Java source of a case's types: one compilation unit per case, a holder class {@code
 * Case_<name>} in package {@value #PACKAGE} with a nested class per user type.
 *
 * <p>The mapping is GENERATIVE.md's table ("Java"): primitives for the scalars, boxed when
 * nullable or inside a collection; fory-core 1.6.0's type-use annotations for the unsigned types,
 * the other integer encodings and the annotated arrays; its {@code Float16} and {@code BFloat16}
 * for the half floats; {@code List}, {@code Set} and {@code Map} of the boxed types, with {@code
 * Nullable} on the element when it may be null; {@code ForyField(id = N)} for tag ids; Java enums
 * {@code V0 ...}; and {@link org.apache.fory.type.union.Union} subclasses in the form fory-core's
 * UnionSerializer reads (a nested {@code ...Case} enum with an {@code int id}, a public setter
 * per case).
 */
final class SourceGen {
  private SourceGen() {}

  static final String PACKAGE = "xlangtests.gen";

  /** The holder class of a case. */
  static String holder(Case c) {
    return "Case_" + c.name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** The binary name of a user type's class. */
  static String className(Case c, String type) {
    return PACKAGE + "." + holder(c) + "$" + type;
  }

  /** The source of every type of the case. */
  static String source(Case c) {
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(PACKAGE).append(";\n\n");
    for (String i :
        new String[] {
          "java.util.List",
          "java.util.Map",
          "java.util.Set",
          "org.apache.fory.annotation.BFloat16Type",
          "org.apache.fory.annotation.Float16Type",
          "org.apache.fory.annotation.ForyField",
          "org.apache.fory.annotation.Int32Type",
          "org.apache.fory.annotation.Int64Type",
          "org.apache.fory.annotation.Int8Type",
          "org.apache.fory.annotation.Nullable",
          "org.apache.fory.annotation.Ref",
          "org.apache.fory.annotation.UInt16Type",
          "org.apache.fory.annotation.UInt32Type",
          "org.apache.fory.annotation.UInt64Type",
          "org.apache.fory.annotation.UInt8Type",
          "org.apache.fory.config.Int32Encoding",
          "org.apache.fory.config.Int64Encoding",
          "org.apache.fory.type.BFloat16",
          "org.apache.fory.type.Float16",
          "org.apache.fory.type.Types",
          "org.apache.fory.type.union.Union"
        }) {
      sb.append("import ").append(i).append(";\n");
    }
    sb.append("\n@SuppressWarnings(\"unused\")\npublic final class ")
        .append(holder(c))
        .append(" {\n  private ")
        .append(holder(c))
        .append("() {}\n");
    for (UserType t : c.types.values()) {
      sb.append('\n');
      switch (t.kind) {
        case "struct":
          struct(sb, t);
          break;
        case "enum":
          enumType(sb, t);
          break;
        case "union":
          union(sb, c, t);
          break;
        default:
          throw new IllegalArgumentException("unknown user type kind " + t.kind);
      }
    }
    sb.append("}\n");
    return sb.toString();
  }

  private static void struct(StringBuilder sb, UserType t) {
    sb.append("  public static class ").append(t.name).append(" {\n");
    for (Field f : t.fields) {
      if (f.tag != null) {
        sb.append("    @ForyField(id = ").append(f.tag).append(")\n");
      }
      sb.append("    public ")
          .append(type(f.type, f.nullable, f.nullable))
          .append(' ')
          .append(f.name)
          .append(";\n");
    }
    sb.append("\n    public ").append(t.name).append("() {}\n  }\n");
  }

  private static void enumType(StringBuilder sb, UserType t) {
    sb.append("  public enum ").append(t.name).append(" {\n   ");
    for (int i = 0; i < t.variants; i++) {
      sb.append(i == 0 ? " V" : ", V").append(i);
    }
    sb.append("\n  }\n");
  }

  private static void union(StringBuilder sb, Case c, UserType t) {
    String n = t.name;
    List<Type> cases = t.cases;
    sb.append("  public static class ").append(n).append(" extends Union {\n");
    sb.append("    public enum ").append(n).append("Case {\n     ");
    for (int i = 0; i < cases.size(); i++) {
      sb.append(i == 0 ? " CASE" : ", CASE").append(i).append('(').append(i).append(')');
    }
    sb.append(";\n\n      public final int id;\n\n      ")
        .append(n)
        .append("Case(int id) {\n        this.id = id;\n      }\n    }\n\n");
    sb.append("    public ")
        .append(n)
        .append("(int caseId, Object value) {\n      super(caseId, value);\n    }\n\n");
    sb.append("    public ")
        .append(n)
        .append("(int caseId, Object value, int typeId) {\n")
        .append("      super(caseId, value, typeId);\n    }\n");
    for (int i = 0; i < cases.size(); i++) {
      Type ct = cases.get(i);
      sb.append("\n    public void setCase")
          .append(i)
          .append('(')
          .append(type(ct, false, false))
          .append(" v) {\n      index = ")
          .append(i)
          .append(";\n      value = v;\n      typeId = Types.")
          .append(typeIdName(unionTypeId(c, ct)))
          .append(";\n    }\n");
    }
    sb.append("  }\n");
  }

  /** The xlang type id a union case is written with (Union's typeId). */
  static int unionTypeId(Case c, Type t) {
    switch (t.kind) {
      case "bool":
        return Types.BOOL;
      case "int32":
        return Types.VARINT32;
      case "int64":
        return Types.VARINT64;
      case "float64":
        return Types.FLOAT64;
      case "string":
        return Types.STRING;
      case "struct":
        {
          boolean byName = c.type(t.typeName).id == null;
          if (c.compatible) {
            return byName
                ? Types.NAMED_COMPATIBLE_STRUCT
                : Types.COMPATIBLE_STRUCT;
          }
          return byName
              ? Types.NAMED_STRUCT
              : Types.STRUCT;
        }
      default:
        throw new IllegalArgumentException("no union case of type " + t);
    }
  }

  /** The name of a type id among the constants of fory-core's {@code Types}. */
  private static String typeIdName(int id) {
    for (java.lang.reflect.Field f : Types.class.getFields()) {
      try {
        if (f.getType() == int.class
            && java.lang.reflect.Modifier.isStatic(f.getModifiers())
            && f.getInt(null) == id) {
          return f.getName();
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("no type id " + id);
  }

  /**
   * The Java type of {@code t}: primitive unless {@code boxed}; {@code @Nullable} when {@code
   * nullable}.
   */
  static String type(Type t, boolean boxed, boolean nullable) {
    String nul = nullable ? "@Nullable " : "";
    switch (t.kind) {
      case "bool":
        return boxed ? nul + "Boolean" : "boolean";
      case "int8":
        return boxed ? nul + "Byte" : "byte";
      case "int16":
        return boxed ? nul + "Short" : "short";
      case "int32":
        return nul + int32Annotation(t.encoding) + (boxed ? "Integer" : "int");
      case "int64":
        return nul + int64Annotation("Int64Type", t.encoding) + (boxed ? "Long" : "long");
      case "uint8":
        return nul + "@UInt8Type " + (boxed ? "Integer" : "int");
      case "uint16":
        return nul + "@UInt16Type " + (boxed ? "Integer" : "int");
      case "uint32":
        return nul
            + "@UInt32Type"
            + (t.encoding == null ? "" : "(encoding = Int32Encoding." + upper(t.encoding) + ")")
            + ' '
            + (boxed ? "Long" : "long");
      case "uint64":
        return nul + int64Annotation("UInt64Type", t.encoding) + (boxed ? "Long" : "long");
      case "float16":
        return nul + "Float16";
      case "bfloat16":
        return nul + "BFloat16";
      case "float32":
        return boxed ? nul + "Float" : "float";
      case "float64":
        return boxed ? nul + "Double" : "double";
      case "string":
        return nul + "String";
      case "binary":
        return nullable ? "byte @Nullable []" : "byte[]";
      case "array":
        return array(t.arrayElement) + (nullable ? " @Nullable []" : "[]");
      case "list":
        return nul + "List<" + type(t.element, true, t.nullable) + ">";
      case "set":
        return nul + "Set<" + type(t.element, true, false) + ">";
      case "map":
        return nul
            + "Map<"
            + type(t.key, true, false)
            + ", "
            + type(t.value, true, t.nullable)
            + ">";
      case "struct":
      case "enum":
      case "union":
        return nul + t.typeName;
      case "shared":
        return "@Ref " + nul + t.typeName;
      default:
        throw new IllegalArgumentException("unknown type kind " + t.kind);
    }
  }

  private static String int32Annotation(String encoding) {
    return encoding == null ? "" : "@Int32Type(encoding = Int32Encoding." + upper(encoding) + ") ";
  }

  private static String int64Annotation(String annotation, String encoding) {
    if (encoding == null) {
      return annotation.equals("Int64Type") ? "" : "@" + annotation + " ";
    }
    return "@" + annotation + "(encoding = Int64Encoding." + upper(encoding) + ") ";
  }

  private static String upper(String encoding) {
    return encoding.toUpperCase(java.util.Locale.ROOT);
  }

  /** An array's element type, with its annotation: {@code @UInt16Type short}. */
  private static String array(String element) {
    switch (element) {
      case "bool":
        return "boolean";
      case "int8":
        return "@Int8Type byte";
      case "int16":
        return "short";
      case "int32":
        return "int";
      case "int64":
        return "long";
      case "uint8":
        return "@UInt8Type byte";
      case "uint16":
        return "@UInt16Type short";
      case "uint32":
        return "@UInt32Type int";
      case "uint64":
        return "@UInt64Type long";
      case "float16":
        return "@Float16Type short";
      case "bfloat16":
        return "@BFloat16Type short";
      case "float32":
        return "float";
      case "float64":
        return "double";
      default:
        throw new IllegalArgumentException("no array of " + element);
    }
  }
}
