package xlangtests.peer;

import org.apache.fory.type.Types;
import org.apache.fory.type.union.Union;
import xlangtests.peer.Structs.Inner;

/**
 * The union {@code Choice} (id 112) of the {@code ref_union_cases} cases: case 0 {@code number:
 * int32}, case 1 {@code text: string}, case 2 {@code inner: Inner} (205). In the form fory-core
 * 1.6.0's UnionSerializer reads, as {@link Shape}.
 */
public final class Choice extends Union {
  /** The cases and their wire ids. */
  public enum ChoiceCase {
    NUMBER(0),
    TEXT(1),
    INNER(2);

    public final int id;

    ChoiceCase(int id) {
      this.id = id;
    }
  }

  public Choice(int caseId, Object value) {
    super(caseId, value);
  }

  public Choice(int caseId, Object value, int typeId) {
    super(caseId, value, typeId);
  }

  public static Choice ofNumber(int number) {
    return new Choice(ChoiceCase.NUMBER.id, number, Types.VARINT32);
  }

  public static Choice ofText(String text) {
    return new Choice(ChoiceCase.TEXT.id, text, Types.STRING);
  }

  /** The struct case: its type id is COMPATIBLE_STRUCT in compatible mode, else STRUCT. */
  public static Choice ofInner(Inner inner, boolean compatible) {
    return new Choice(
        ChoiceCase.INNER.id, inner, compatible ? Types.COMPATIBLE_STRUCT : Types.STRUCT);
  }

  public int getNumber() {
    return (Integer) value;
  }

  public void setNumber(int number) {
    index = ChoiceCase.NUMBER.id;
    value = number;
    typeId = Types.VARINT32;
  }

  public String getText() {
    return (String) value;
  }

  public void setText(String text) {
    index = ChoiceCase.TEXT.id;
    value = text;
    typeId = Types.STRING;
  }

  public Inner getInner() {
    return (Inner) value;
  }

  public void setInner(Inner inner) {
    index = ChoiceCase.INNER.id;
    value = inner;
    typeId = Types.STRUCT;
  }
}
