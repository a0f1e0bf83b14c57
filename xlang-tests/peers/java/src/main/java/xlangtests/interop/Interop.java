package xlangtests.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.fory.Fory;
import org.apache.fory.annotation.Nullable;
import org.apache.fory.logging.LoggerFactory;

/**
 * Exchanges one {@link Order} with fory-rs ({@code fory-core/examples/peer_interop.rs}) and the
 * Python and Go programs next to it, with fory-core in its default xlang configuration:
 * {@code Fory.builder().withXlang(true).build()} plus the registrations, nothing else.
 *
 * <pre>
 *   write DIR   writes DIR/interop_by_id.bin (types registered by id) and
 *               DIR/interop_by_name.bin (types registered by name, namespace "example")
 *   read DIR    decodes those two files, whichever program wrote them, compares each with
 *               ORDER and prints "OK name" or "FAIL name: why"; exits 1 if one failed
 * </pre>
 *
 * <p>The conformance runner calls it as {@code xlang-tests/peers/java/run interop write|read DIR}.
 */
public final class Interop {
  private Interop() {}

  /** An ENUM on the wire: the constant's ordinal. */
  public enum Status {
    PENDING,
    SHIPPED,
    DELIVERED
  }

  public static class Customer {
    public String name;
    public @Nullable String email; // a field of a reference type is non-null unless @Nullable

    public Customer() {}

    Customer(String name, String email) {
      this.name = name;
      this.email = email;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Customer c && name.equals(c.name) && Objects.equals(email, c.email);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, email);
    }

    @Override
    public String toString() {
      return "Customer{name=" + name + ", email=" + email + "}";
    }
  }

  /** Field names go on the wire in snake_case: {@code customerName} is {@code customer_name}. */
  public static class Order {
    public long id;
    public Customer customer; // a nested struct
    public List<String> items; // list<string>
    public Map<String, Integer> quantities; // map<string, int32>
    public @Nullable String note;
    public Status status; // an enum
    public double[] prices; // float64 array

    public Order() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Order x
          && id == x.id
          && customer.equals(x.customer)
          && items.equals(x.items)
          && quantities.equals(x.quantities)
          && Objects.equals(note, x.note)
          && status == x.status
          && Arrays.equals(prices, x.prices);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, customer, items, quantities, note, status, Arrays.hashCode(prices));
    }

    @Override
    public String toString() {
      return "Order{id=" + id + ", customer=" + customer + ", items=" + items + ", quantities="
          + quantities + ", note=" + note + ", status=" + status + ", prices="
          + Arrays.toString(prices) + "}";
    }
  }

  /** The value every program writes, and expects to read back exactly. */
  static Order order() {
    Order order = new Order();
    order.id = 1L << 40;
    order.customer = new Customer("Ada Lovelace", null);
    order.items = List.of("tea", "scone");
    order.quantities = new LinkedHashMap<>(); // written in this order (Map.of's varies by run)
    order.quantities.put("tea", 2);
    order.quantities.put("scone", 3);
    order.note = "leave at the door";
    order.status = Status.SHIPPED;
    order.prices = new double[] {2.5, -0.75};
    return order;
  }

  /** The default xlang configuration (compatible mode, no reference tracking) and the types. */
  static Fory fory(boolean byName) {
    Fory fory = Fory.builder().withXlang(true).build();
    if (byName) {
      fory.register(Status.class, "example", "Status");
      fory.register(Customer.class, "example", "Customer");
      fory.register(Order.class, "example", "Order");
    } else {
      fory.register(Status.class, 1);
      fory.register(Customer.class, 2);
      fory.register(Order.class, 3);
    }
    return fory;
  }

  private static final String[] NAMES = {"interop_by_id", "interop_by_name"};

  public static void main(String[] args) throws Exception {
    LoggerFactory.disableLogging(); // fory-core logs to stdout, where the results go
    if (args.length != 2 || !(args[0].equals("write") || args[0].equals("read"))) {
      System.err.println("usage: Interop write DIR | Interop read DIR");
      System.exit(2);
    }
    Path dir = Paths.get(args[1]);
    boolean ok = true;
    for (String name : NAMES) {
      Path file = dir.resolve(name + ".bin");
      boolean byName = name.endsWith("by_name");
      if (args[0].equals("write")) {
        Files.createDirectories(dir);
        Files.write(file, fory(byName).serialize(order()));
        continue;
      }
      String why;
      try {
        Object got = fory(byName).deserialize(Files.readAllBytes(file));
        why = order().equals(got) ? null : "decoded " + got + ", expected " + order();
      } catch (Exception e) {
        why = e.toString().replaceAll("\\s+", " ");
      }
      System.out.println(why == null ? "OK " + name : "FAIL " + name + ": " + why);
      ok &= why == null;
    }
    System.exit(ok ? 0 : 1);
  }
}
