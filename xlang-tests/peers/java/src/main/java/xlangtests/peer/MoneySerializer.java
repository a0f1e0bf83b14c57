package xlangtests.peer;

import org.apache.fory.context.ReadContext;
import org.apache.fory.context.WriteContext;
import org.apache.fory.resolver.TypeResolver;
import org.apache.fory.serializer.Serializer;
import xlangtests.peer.Structs.Money;

/**
 * The custom serializer of {@link Money}: the payload is {@code cents} as a varint64 (zigzag),
 * then {@code currency} as a string. fory-core writes the reference flag and the EXT type info
 * around it; in xlang mode it calls these same two methods.
 */
final class MoneySerializer extends Serializer<Money> {
  MoneySerializer(TypeResolver resolver) {
    super(resolver.getConfig(), Money.class);
  }

  @Override
  public void write(WriteContext ctx, Money value) {
    ctx.writeVarInt64(value.cents);
    ctx.writeString(value.currency);
  }

  @Override
  public Money read(ReadContext ctx) {
    long cents = ctx.readVarInt64();
    String currency = ctx.readString();
    return new Money(cents, currency);
  }
}
