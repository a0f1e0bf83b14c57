package xlangtests.peer;

/** The suite's enum; ordinals 0, 1, 2 are what goes on the wire. */
public enum Color {
  RED,
  GREEN,
  BLUE
}
