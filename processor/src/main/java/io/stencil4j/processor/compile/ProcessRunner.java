package io.stencil4j.processor.compile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program with a deadline. Its output (standard output and error together) is
 * read while it runs, so a program that prints more than a pipe holds cannot stall it, and only
 * the first {@code limit} bytes are kept, so one that prints without end cannot exhaust memory.
 * A program still running at the deadline is stopped with every process it started: a compiler
 * driver's children would otherwise keep running, and keep its output open.
 */
public final class ProcessRunner {
  /** How much of a program's output a diagnostic quotes. */
  public static final int DIAGNOSTIC_LIMIT = 64 * 1024;

  private ProcessRunner() {}

  /**
   * What a run gave.
   *
   * @param exitCode the exit status, or -1 if the run timed out
   * @param output the first bytes of the output, with a note of how many more were cut
   * @param timedOut whether the deadline passed first
   * @param cut how many bytes of the output were dropped
   */
  public record Result(int exitCode, String output, boolean timedOut, long cut) {}

  /**
   * Runs {@code command} with no input, for at most {@code timeout}.
   *
   * @param command the program and its arguments
   * @param timeout when the process and its children are stopped
   * @param limit how many bytes of output to keep
   * @return the exit status and output
   * @throws IOException if the program cannot be started
   */
  public static Result run(List<String> command, Duration timeout, int limit) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    BoundedReader reader = new BoundedReader(process.getInputStream(), limit);
    Thread thread = new Thread(reader, "stencil4j-output-of-" + command.get(0));
    thread.setDaemon(true);
    thread.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      boolean exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
      // a child that outlives the program may hold its output open: the deadline bounds both
      thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      if (!exited || thread.isAlive()) {
        stopTree(process);
        thread.join(1000);
        return new Result(-1, reader.text(), true, reader.cut());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopTree(process);
      throw new IOException("interrupted while running " + command.get(0), e);
    }
    return new Result(process.exitValue(), reader.text(), false, reader.cut());
  }

  /**
   * {@return "did not finish in 5 seconds", for a message about {@code timeout}}
   *
   * @param timeout the timeout that passed
   */
  public static String didNotFinish(Duration timeout) {
    long seconds = timeout.toSeconds();
    return "did not finish in " + seconds + (seconds == 1 ? " second" : " seconds")
        + " (stopped with the processes it started; -Astencil.timeout=SECONDS, or --timeout on "
        + "the command line, allows more)";
  }

  private static void stopTree(Process process) {
    // children first, from a list taken before the parent dies and they are re-parented
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  /** Reads a stream to its end, keeping its first {@code limit} bytes. */
  private static final class BoundedReader implements Runnable {
    private final InputStream input;
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long cut;

    BoundedReader(InputStream input, int limit) {
      this.input = input;
      this.limit = limit;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (input) {
        for (int n; (n = input.read(buffer)) >= 0; ) {
          synchronized (this) {
            int keep = Math.max(0, Math.min(n, limit - kept.size()));
            kept.write(buffer, 0, keep);
            cut += n - keep;
          }
        }
      } catch (IOException e) {
        // the stream closes when the process is stopped: what was read is what there is
      }
    }

    synchronized long cut() {
      return cut;
    }

    synchronized String text() {
      String text = kept.toString(StandardCharsets.UTF_8);
      return cut == 0 ? text : text + "\n[" + cut + " more bytes of output cut]";
    }
  }
}
