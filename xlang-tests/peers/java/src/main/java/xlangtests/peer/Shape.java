package xlangtests.peer;

import org.apache.fory.type.Types;
import org.apache.fory.type.union.Union;

/**
 * The union {@code Shape} (id 111): case 0 {@code name: string}, case 1 {@code radius: float64}.
 *
 * <p>fory-core 1.6.0 models a schema union as a subclass of {@link Union}. Its serializer finds the
 * case table through a nested enum whose name ends in "Case" and has an {@code int id} field, and
 * each case's value type through the matching public setter ({@code setName}, {@code setRadius}).
 * It builds decoded values through the {@code (int, Object)} constructor.
 */
public final class Shape extends Union {
  /** The cases and their wire ids. */
  public enum ShapeCase {
    NAME(0),
    RADIUS(1);

    public final int id;

    ShapeCase(int id) {
      this.id = id;
    }
  }

  public Shape(int caseId, Object value) {
    super(caseId, value);
  }

  public Shape(int caseId, Object value, int typeId) {
    super(caseId, value, typeId);
  }

  public static Shape ofName(String name) {
    return new Shape(ShapeCase.NAME.id, name, Types.STRING);
  }

  public static Shape ofRadius(double radius) {
    return new Shape(ShapeCase.RADIUS.id, radius, Types.FLOAT64);
  }

  public String getName() {
    return (String) value;
  }

  public void setName(String name) {
    index = ShapeCase.NAME.id;
    value = name;
    typeId = Types.STRING;
  }

  public double getRadius() {
    return (Double) value;
  }

  public void setRadius(double radius) {
    index = ShapeCase.RADIUS.id;
    value = radius;
    typeId = Types.FLOAT64;
  }
}
