package xlangtests.peer;

import org.apache.fory.type.Types;
import org.apache.fory.type.union.Union;
import xlangtests.peer.Structs.EventClick;
import xlangtests.peer.Structs.EventPair;

/**
 * The union {@code Event} (id 113) of the {@code struct_data_enum} cases, a Rust enum with data:
 * case 0 {@code click: EventClick} (250), case 1 {@code pair: EventPair} (251), case 2 {@code
 * key: string}, case 3 {@code quit} with no value. The variants with several fields are structs
 * on the wire, so here a union case holding a struct, as {@link Choice#ofInner}.
 */
public final class Event extends Union {
  public static final int CLICK = 0;
  public static final int PAIR = 1;
  public static final int KEY = 2;
  public static final int QUIT = 3;

  public Event(int caseId, Object value) {
    super(caseId, value);
  }

  public Event(int caseId, Object value, int typeId) {
    super(caseId, value, typeId);
  }

  private static int structType(boolean compatible) {
    return compatible ? Types.COMPATIBLE_STRUCT : Types.STRUCT;
  }

  public static Event ofClick(int x, int y, boolean compatible) {
    EventClick click = new EventClick();
    click.x = x;
    click.y = y;
    return new Event(CLICK, click, structType(compatible));
  }

  public static Event ofPair(String f0, int f1, boolean compatible) {
    EventPair pair = new EventPair();
    pair.f0 = f0;
    pair.f1 = f1;
    return new Event(PAIR, pair, structType(compatible));
  }

  public static Event ofKey(String key) {
    return new Event(KEY, key, Types.STRING);
  }

  /** No value: the case value is written as a null flag. */
  public static Event quit() {
    return new Event(QUIT, null);
  }
}
