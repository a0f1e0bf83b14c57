package main

import (
	"fmt"
	"reflect"
)

// ref_tree and ref_tree_compatible (CASES.md): root {name: "root", parent: nil, children:
// [child]}, child {name: "child", parent: <the root>, children: []}, reference tracking on.

// Node (230). `ref` marks the parent and the children's element type reference-tracked in the
// schema, as Rust's Weak parent and Rc children are: without it on Parent, fory-go 1.6.0 still
// writes the parent as a reference but leaves the tracking bit out of the schema hash.
type Node struct {
	Name     string
	Parent   *Node   `fory:"nullable,ref"`
	Children []*Node `fory:"type=list(element=_(ref=true))"`
}

// treeShape is a tree without its cycle, for equal and show (which would follow Parent
// forever). Parent is "" at the root and the name of the node holding the child when it is
// that very node.
type treeShape struct {
	Name     string
	Parent   string
	Children []treeShape
}

// buildTree makes the *Node tree of a shape; each child's Parent is the node holding it.
func buildTree(s treeShape, parent *Node) *Node {
	n := &Node{Name: s.Name, Parent: parent, Children: []*Node{}}
	for _, c := range s.Children {
		n.Children = append(n.Children, buildTree(c, n))
	}
	return n
}

// shapeOf describes a decoded tree, naming a parent that is not the node holding the child.
func shapeOf(n, holder *Node, depth int) treeShape {
	s := treeShape{Name: n.Name}
	switch {
	case n.Parent == nil && holder == nil:
	case n.Parent != nil && n.Parent == holder:
		s.Parent = holder.Name
	default:
		s.Parent = "<not the node holding it>"
	}
	if depth > 16 {
		s.Children = []treeShape{{Name: "<deeper than 16>"}}
		return s
	}
	for _, c := range n.Children {
		if c == nil {
			s.Children = append(s.Children, treeShape{Name: "<nil>"})
		} else {
			s.Children = append(s.Children, shapeOf(c, n, depth+1))
		}
	}
	return s
}

func treeCases() []*Case {
	var cases []*Case
	for _, compatible := range []bool{false, true} {
		name := "ref_tree"
		if compatible {
			name += "_compatible"
		}
		c := value(name, Mode{Compatible: compatible, Ref: true, Register: byID(Node{}, 230)},
			func() treeShape {
				return treeShape{Name: "root", Children: []treeShape{{Name: "child", Parent: "root"}}}
			})
		c.WireType = reflect.TypeFor[*Node]()
		c.Wire = func(v any) any { return buildTree(v.(treeShape), nil) }
		c.Unwire = func(v any) (any, error) {
			n, ok := v.(*Node)
			if !ok || n == nil {
				return nil, fmt.Errorf("not a tree: %T", v)
			}
			return shapeOf(n, nil, 0), nil
		}
		cases = append(cases, c)
	}
	return cases
}
