package org.apache.fory.xlang;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.fory.Fory;
import org.apache.fory.annotation.ForyStruct;
import org.apache.fory.annotation.UInt32Type;
import org.apache.fory.memory.MemoryBuffer;
import org.testng.Assert;
import org.testng.SkipException;
import org.testng.annotations.Test;

/**
 * Runs Apache Fory's Java-driven cross-language suite ({@code XlangTestBase} at v1.6.0) against
 * fory-rs: every case starts {@code fory-xlang-peer <case>} with the data file in {@code
 * DATA_FILE}.
 *
 * <p>The peer binary is {@code -Dfory.xlang.peer=<path>}, else {@code target/release/fory-xlang-peer}
 * under the working directory. The test methods are the ones the suite's Rust driver enables: the
 * base class's public tests, plus public overrides of the protected cases that driver exposes and
 * of its own external-type case.
 */
@Test(groups = "xlang")
public class ForyRsXlangTest extends XlangTestBase {
  private static final String PEER_PROPERTY = "fory.xlang.peer";

  private static Path peerBinary() {
    String configured = System.getProperty(PEER_PROPERTY);
    Path path =
        configured != null && !configured.isEmpty()
            ? Paths.get(configured)
            : Paths.get("target", "release", "fory-xlang-peer");
    return path.toAbsolutePath();
  }

  @Override
  protected void ensurePeerReady() {
    Path peer = peerBinary();
    if (!Files.isExecutable(peer)) {
      throw new SkipException(
          "no fory-xlang-peer at "
              + peer
              + ": build it with `cargo build --release -p xlang-tests --bin fory-xlang-peer`"
              + " or set -D"
              + PEER_PROPERTY);
    }
  }

  @Override
  protected CommandContext buildCommandContext(String caseName, Path dataFile) {
    List<String> command = new ArrayList<>();
    command.add(peerBinary().toString());
    command.add(caseName);
    // envBuilder sets DATA_FILE (and passes on the caller's FORY* variables).
    Map<String, String> env = envBuilder(dataFile);
    return new CommandContext(command, env, new File(System.getProperty("user.dir")));
  }

  // Cases the base class keeps protected; the Rust driver of the suite enables these.

  @Override
  @Test(groups = "xlang", dataProvider = "enableCodegenParallel")
  public void testNestedAnnotatedContainerSchemaConsistent(boolean enableCodegen)
      throws IOException {
    super.testNestedAnnotatedContainerSchemaConsistent(enableCodegen);
  }

  @Override
  @Test(groups = "xlang", dataProvider = "enableCodegenParallel")
  public void testNestedAnnotatedContainerCompatible(boolean enableCodegen) throws IOException {
    super.testNestedAnnotatedContainerCompatible(enableCodegen);
  }

  @Override
  @Test(groups = "xlang", dataProvider = "enableCodegenParallel")
  public void testManualSchemaKindStruct(boolean enableCodegen) throws IOException {
    super.testManualSchemaKindStruct(enableCodegen);
  }

  @Override
  @Test(groups = "xlang", dataProvider = "enableCodegenParallel")
  public void testListArrayCompatibleRead(boolean enableCodegen) throws IOException {
    super.testListArrayCompatibleRead(enableCodegen);
  }

  // The Rust driver also names the by-name struct case once per code generation setting.

  @Test(groups = "xlang")
  public void testSimpleNamedStructCodegenEnabled() throws IOException {
    super.testSimpleNamedStruct(true);
  }

  @Test(groups = "xlang")
  public void testSimpleNamedStructCodegenDisabled() throws IOException {
    super.testSimpleNamedStruct(false);
  }

  /** A user type of the external-type case: registered by id 801, schema-consistent. */
  @ForyStruct
  static class Member {
    String name;
    @UInt32Type long age;

    Member() {}

    Member(String name, long age) {
      this.name = name;
      this.age = age;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Member)) {
        return false;
      }
      Member other = (Member) o;
      return age == other.age && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, age);
    }

    @Override
    public String toString() {
      return "Member{" + name + ", " + age + "}";
    }
  }

  /**
   * {@code test_external_type_composition}: one user struct (id 801) alone, in a list, beside a
   * string in a list, and inside a map of lists of lists; four payloads, schema-consistent.
   */
  @Test(groups = "xlang", dataProvider = "enableCodegenParallel")
  public void testExternalTypeComposition(boolean enableCodegen) throws IOException {
    Fory fory =
        Fory.builder().withXlang(true).withCompatible(false).withCodegen(enableCodegen).build();
    fory.register(Member.class, 801);

    Member ada = new Member("Ada", 37);
    List<Member> members = new ArrayList<>(Collections.singletonList(ada));
    List<Object> pair = new ArrayList<>();
    pair.add("lead");
    pair.add(ada);
    List<List<Object>> pairs = new ArrayList<>(Collections.singletonList(pair));
    Map<String, List<List<Object>>> byTeam = new HashMap<>();
    byTeam.put("team", pairs);
    Object[] values = {ada, members, pair, byTeam};

    MemoryBuffer out = MemoryBuffer.newHeapBuffer(256);
    for (Object value : values) {
      fory.serialize(out, value);
    }
    ExecutionContext ctx =
        prepareExecution("test_external_type_composition", out.getBytes(0, out.writerIndex()));
    runPeer(ctx);

    MemoryBuffer back = readBuffer(ctx.dataFile());
    for (Object value : values) {
      Assert.assertEquals(fory.deserialize(back), value);
    }
  }
}
