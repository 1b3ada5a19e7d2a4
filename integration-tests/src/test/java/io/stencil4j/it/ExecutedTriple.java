package io.stencil4j.it;

/** Every triple Stencil4j supports, and the {@link Host} its code runs in on this machine. */
enum ExecutedTriple {
  X86_64_UNKNOWN_LINUX_GNU("x86_64-unknown-linux-gnu", Host.X86_64),
  X86_64_APPLE_DARWIN("x86_64-apple-darwin", Host.X86_64),
  X86_64_PC_WINDOWS_MSVC("x86_64-pc-windows-msvc", Host.X86_64_MS_ABI),
  I686_PC_WINDOWS_MSVC("i686-pc-windows-msvc", Host.I686),
  AARCH64_UNKNOWN_LINUX_GNU("aarch64-unknown-linux-gnu", Host.AARCH64),
  AARCH64_APPLE_DARWIN("aarch64-apple-darwin", Host.AARCH64),
  AARCH64_PC_WINDOWS_MSVC("aarch64-pc-windows-msvc", Host.AARCH64);

  final String name;
  final Host host;

  ExecutedTriple(String name, Host host) {
    this.name = name;
    this.host = host;
  }

  /** Windows triples, whose C dialect is Microsoft's (clang's MS compatibility mode). */
  boolean windows() {
    return name.endsWith("-windows-msvc");
  }

  @Override
  public String toString() {
    return name;
  }
}
