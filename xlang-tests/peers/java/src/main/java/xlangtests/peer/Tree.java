package xlangtests.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.fory.annotation.Nullable;
import org.apache.fory.annotation.Ref;

/**
 * The tree of the {@code ref_tree} cases (CASES.md): a node with a parent and children, written
 * with reference tracking on.
 */
public final class Tree {
  private Tree() {}

  /**
   * Node (230). {@code @Ref} marks the parent and the children's element type reference-tracked
   * in the schema, as Rust's {@code Weak} parent and {@code Rc} children are. Without it on the
   * parent fory-core 1.6.0 writes the parent in full, again and again ({@code
   * StackOverflowError}); without it on the element type ({@code List<Node>}) it writes the
   * children without reference flags in compatible mode.
   *
   * <p>Not a member of {@link Structs}: {@link Values#diff} follows struct fields, and would follow
   * {@code parent} back up forever. {@link #equals} compares downwards only (names, children,
   * and the parent's name); {@link #parentsHold} checks that each parent is the very object.
   */
  public static class Node {
    public String name;
    public @Ref @Nullable Node parent;
    public List<@Ref Node> children;

    public Node() {}

    Node(String name, Node parent) {
      this.name = name;
      this.parent = parent;
      this.children = new ArrayList<>();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Node)) {
        return false;
      }
      Node n = (Node) o;
      return Objects.equals(name, n.name)
          && Objects.equals(parentName(), n.parentName())
          && Objects.equals(children, n.children);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(name);
    }

    private String parentName() {
      return parent == null ? null : parent.name;
    }

    /** {@code name(parent NAME)[children]}, without following the parent. */
    @Override
    public String toString() {
      return name + (parent == null ? "" : "(parent " + parent.name + ")")
          + (children == null || children.isEmpty() ? "" : children.toString());
    }
  }

  /** {@code root -> [child]}, the child's parent the root, the root's parent null. */
  static Node tree() {
    Node root = new Node("root", null);
    root.children.add(new Node("child", root));
    return root;
  }

  /** Null when every child's parent is the node object that holds it; else what is wrong. */
  static String parentsHold(Object got) {
    Node node = (Node) got;
    for (Node child : node.children) {
      if (child.parent != node) {
        return child.name + ".parent is not the " + node.name + " object that holds it";
      }
      String below = parentsHold(child);
      if (below != null) {
        return below;
      }
    }
    return null;
  }
}
