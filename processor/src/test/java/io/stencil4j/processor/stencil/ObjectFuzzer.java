package io.stencil4j.processor.stencil;

import io.stencil4j.processor.object.MalformedObjectException;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.ObjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Feeds mutated seed objects of one format through what the processor does with an object: the
 * reader, then the stencil builder for each stencil in it. Success and the typed errors (a
 * malformed object, a bad stencil) are the only acceptable outcomes; any other exception, an
 * input that runs longer than {@link #LIMIT_NANOS} or runs out of memory is a bug, whose input is
 * saved for reproduction. Input {@code i} depends only on the seed and {@code i}.
 */
final class ObjectFuzzer {
  static final long LIMIT_NANOS = 2_000_000_000L;
  /** Inputs kept per kind of failure: enough to reproduce, not a disk full of duplicates. */
  private static final int KEPT_PER_SIGNATURE = 3;
  private static final long POLL_MILLIS = 50;

  enum Outcome { OK, TYPED, OTHER, HANG, OOM }

  /** The outcomes of a run: counts, and the failures by exception and place. */
  record Tally(ObjectFile.Format format, long inputs, Map<Outcome, Long> counts,
      Map<String, Long> failures) {
    long count(Outcome outcome) {
      return counts.getOrDefault(outcome, 0L);
    }

    boolean clean() {
      return count(Outcome.OTHER) + count(Outcome.HANG) + count(Outcome.OOM) == 0;
    }
  }

  private final ObjectFile.Format format;
  private final List<FuzzSeeds.Seed> seeds;
  private final long seed;
  private final Path keep;
  private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
  private final Map<String, Long> failures = new TreeMap<>();

  /** Fuzzes the seeds of {@code format}, keeping failing inputs under {@code keep} if not null. */
  ObjectFuzzer(ObjectFile.Format format, List<FuzzSeeds.Seed> allSeeds, long seed, Path keep) {
    this.format = format;
    this.seeds = allSeeds.stream().filter(s -> s.format() == format).toList();
    this.seed = seed;
    this.keep = keep;
  }

  /** Input {@code index}: a mutated seed, and the seed it came from. */
  record Input(FuzzSeeds.Seed seed, byte[] bytes) {}

  Input input(long index) {
    SplittableRandom random = new SplittableRandom(seed * 0x9e3779b97f4a7c15L + index);
    FuzzSeeds.Seed base = seeds.get(random.nextInt(seeds.size()));
    byte[] other = seeds.get(random.nextInt(seeds.size())).bytes();
    return new Input(base, ObjectMutator.mutate(base.bytes(), other, random));
  }

  /** What the processor does with one object: read it, build each of its stencils. */
  static void build(FuzzSeeds.Seed seed, byte[] bytes)
      throws MalformedObjectException, BadStencilException {
    ObjectFile file = ObjectFiles.read(bytes);
    for (int i = 0; i < seed.names().size(); i++) {
      StencilBuilder.build(seed.names().get(i), seed.entries().get(i), file, seed.target());
    }
  }

  /**
   * Runs inputs {@code 0 .. inputs-1}. A worker thread runs them while this one watches the
   * clock: an input over the limit is counted as a hang and left running on its abandoned
   * (daemon) thread, and a new worker goes on with the next input.
   */
  Tally run(long inputs) throws InterruptedException, IOException {
    long next = 0;
    while (next < inputs) {
      Worker worker = new Worker(next, inputs);
      Thread thread = new Thread(worker, "object-fuzz-" + format + "-" + next);
      thread.setDaemon(true);
      thread.start();
      while (true) {
        thread.join(POLL_MILLIS);
        if (!thread.isAlive()) {
          if (worker.error != null) {
            throw new IllegalStateException("the fuzzer itself failed", worker.error);
          }
          next = inputs;
          break;
        }
        long index = worker.current;
        if (System.nanoTime() - worker.started > LIMIT_NANOS && worker.abandon(index)) {
          StackTraceElement[] trace = thread.getStackTrace();
          record(index, Outcome.HANG, "over 2 s" + (trace.length == 0 ? "" : " at " + trace[0]),
              frames(trace), input(index));
          next = index + 1;
          break;
        }
      }
    }
    synchronized (this) {
      return new Tally(format, inputs, new EnumMap<>(counts), new TreeMap<>(failures));
    }
  }

  private final class Worker implements Runnable {
    private final long from;
    private final long to;
    volatile long current;
    volatile long started = Long.MAX_VALUE;
    volatile Throwable error;
    private boolean abandoned;

    Worker(long from, long to) {
      this.from = from;
      this.to = to;
      this.current = from;
    }

    /** Stops this worker from recording anything more, if it is still at {@code index}. */
    boolean abandon(long index) {
      synchronized (ObjectFuzzer.this) {
        if (current != index || abandoned) {
          return false;
        }
        abandoned = true;
        return true;
      }
    }

    @Override
    public void run() {
      try {
        for (long i = from; i < to; i++) {
          Input input = input(i);
          current = i;
          started = System.nanoTime();
          Outcome outcome;
          Throwable failure = null;
          try {
            build(input.seed(), input.bytes());
            outcome = Outcome.OK;
          } catch (MalformedObjectException | BadStencilException e) {
            outcome = Outcome.TYPED;
          } catch (OutOfMemoryError e) {
            outcome = Outcome.OOM;
            failure = e;
          } catch (RuntimeException | Error e) {
            outcome = Outcome.OTHER;
            failure = e;
          }
          synchronized (ObjectFuzzer.this) {
            if (abandoned) {
              return;
            }
            started = Long.MAX_VALUE;
            if (failure == null) {
              record(i, outcome, null, null, input);
            } else {
              StackTraceElement[] trace = failure.getStackTrace();
              record(i, outcome, failure.getClass().getName()
                  + (trace.length == 0 ? "" : " at " + trace[0]), failure + "\n" + frames(trace),
                  input);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        error = e;
      }
    }
  }

  /** Counts an outcome; a failure is kept with its input, a few per kind. */
  private synchronized void record(long index, Outcome outcome, String signature, String details,
      Input input) throws IOException {
    counts.merge(outcome, 1L, Long::sum);
    if (signature == null) {
      return;
    }
    long seen = failures.merge(outcome + " " + signature, 1L, Long::sum);
    if (keep != null && seen <= KEPT_PER_SIGNATURE) {
      Files.createDirectories(keep);
      String name = format.name().toLowerCase() + "-" + seed + "-" + index;
      Files.write(keep.resolve(name + ".o"), input.bytes());
      Files.writeString(keep.resolve(name + ".txt"), input.seed().target().triple() + " "
          + input.seed().names() + " " + input.seed().entries() + "\n" + outcome + "\n"
          + details + "\n");
    }
  }

  private static String frames(StackTraceElement[] trace) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(trace.length, 16); i++) {
      text.append("\tat ").append(trace[i]).append('\n');
    }
    return text.toString();
  }
}
