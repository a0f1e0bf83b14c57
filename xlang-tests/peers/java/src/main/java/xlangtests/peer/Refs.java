package xlangtests.peer;

import java.util.Objects;
import org.apache.fory.annotation.Nullable;
import org.apache.fory.annotation.Ref;

/**
 * The structs of the {@code ref_self} and {@code ref_cycle} cases (CASES.md), written with
 * reference tracking on: a struct that holds itself, and two that hold each other.
 *
 * <p>Not members of {@link Structs}: {@link Values#diff} follows struct fields, and would follow
 * the cycle forever. {@link #equals} compares a node's name and its link's name only; {@link
 * #selfHolds} and {@link #cycleHolds} check that the links are the very objects.
 */
public final class Refs {
  private Refs() {}

  /** SelfRef (231): {@code me} is the struct itself. {@code @Ref}, as Rust's {@code Weak} is. */
  public static class SelfRef {
    public String name;
    public @Ref @Nullable SelfRef me;

    public SelfRef() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof SelfRef
          && Objects.equals(name, ((SelfRef) o).name)
          && Objects.equals(nameOf(me), nameOf(((SelfRef) o).me));
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(name);
    }

    @Override
    public String toString() {
      return "SelfRef{name=" + name + ", me=" + nameOf(me) + "}";
    }

    private static String nameOf(SelfRef s) {
      return s == null ? null : s.name;
    }
  }

  /** Link (232): {@code a.next = b}, {@code b.next = a}. */
  public static class Link {
    public String name;
    public @Ref @Nullable Link next;

    public Link() {}

    Link(String name) {
      this.name = name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Link
          && Objects.equals(name, ((Link) o).name)
          && Objects.equals(nameOf(next), nameOf(((Link) o).next));
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(name);
    }

    @Override
    public String toString() {
      return "Link{name=" + name + ", next=" + nameOf(next) + "}";
    }

    private static String nameOf(Link l) {
      return l == null ? null : l.name;
    }
  }

  /** {@code SelfRef {name: "me", me: <itself>}}. */
  static SelfRef selfRef() {
    SelfRef s = new SelfRef();
    s.name = "me";
    s.me = s;
    return s;
  }

  /** Null when {@code me} is the very object; else what is wrong. */
  static String selfHolds(Object got) {
    SelfRef s = (SelfRef) got;
    return s.me == s ? null : "me is " + (s.me == null ? "null" : "another object") + ", not itself";
  }

  /** {@code a -> b -> a}, returning a. */
  static Link cycle() {
    Link a = new Link("a");
    Link b = new Link("b");
    a.next = b;
    b.next = a;
    return a;
  }

  /** Null when {@code a.next.next} is the very {@code a}; else what is wrong. */
  static String cycleHolds(Object got) {
    Link a = (Link) got;
    if (a.next == null) {
      return "a.next is null";
    }
    return a.next.next == a ? null : "a.next.next is not the a object that holds b";
  }
}
