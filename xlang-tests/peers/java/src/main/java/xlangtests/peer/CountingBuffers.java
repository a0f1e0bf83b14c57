package xlangtests.peer;

import java.util.Iterator;
import java.util.List;
import org.apache.fory.memory.MemoryBuffer;

/** Out-of-band buffers handed to fory-core, counting how many it takes. */
public final class CountingBuffers implements Iterable<MemoryBuffer> {
  private final List<byte[]> buffers;
  private int taken;

  public CountingBuffers(List<byte[]> buffers) {
    this.buffers = buffers;
  }

  /** How many buffers the reader has taken. */
  public int taken() {
    return taken;
  }

  @Override
  public Iterator<MemoryBuffer> iterator() {
    // Fresh MemoryBuffers: fory-core advances the reader index of the ones it reads.
    Iterator<byte[]> it = buffers.iterator();
    return new Iterator<MemoryBuffer>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public MemoryBuffer next() {
        taken++;
        return MemoryBuffer.fromByteArray(it.next());
      }
    };
  }
}
