package org.custodiet.app.durability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custodiet.app.Main;

/**
 * The real {@code custodiet} command line in a JVM of its own, as an operator runs it, so that it
 * can be killed with SIGKILL without taking the test down.
 */
final class AppProcess {
  private final Process process;
  private final Path out;
  private final Path err;

  private AppProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code custodiet --data DATA args...}; its output goes to files in {@code logs}. */
  static AppProcess start(Path logs, String name, Path data, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("--data");
    command.add(data.toString());
    command.addAll(List.of(args));
    Files.createDirectories(logs);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new AppProcess(p, out, err);
  }

  /** Runs a command to its end (at most ten minutes) and returns what it printed. */
  static Result run(Path logs, String name, Path data, String... args) throws Exception {
    return runWithInput(logs, name, data, "", args);
  }

  /** {@link #run} with {@code input} on the command's standard input. */
  static Result runWithInput(Path logs, String name, Path data, String input, String... args)
      throws Exception {
    AppProcess p = start(logs, name, data, args);
    try (var stdin = p.process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    if (!p.process.waitFor(10, TimeUnit.MINUTES)) {
      p.process.destroyForcibly();
      throw new IllegalStateException(name + " did not finish in 10 minutes");
    }
    return p.result();
  }

  record Result(int exit, String out, String err) {}

  Result result() throws IOException {
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Waits for {@code custodiet serve} to print its address, and returns it. */
  String awaitServing() throws Exception {
    java.util.regex.Pattern serving =
        java.util.regex.Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)/");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      java.util.regex.Matcher m = serving.matcher(Files.readString(out, StandardCharsets.UTF_8));
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited: " + result());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the server did not start in 3 minutes");
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends SIGKILL ({@code kill -KILL}): no shutdown hook, no flush, no rollback by the JVM. Returns
   * the exit status: 137 (128 + 9) when the signal killed it, its own status when it had already
   * ended.
   */
  int kill() throws Exception {
    Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).start();
    if (!kill.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("kill -KILL " + process.pid() + " hung");
    }
    if (kill.exitValue() != 0 && process.isAlive()) {
      throw new IllegalStateException("kill -KILL " + process.pid() + " failed");
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
    }
    return process.exitValue();
  }

  void waitFor() throws InterruptedException {
    process.waitFor();
  }
}
