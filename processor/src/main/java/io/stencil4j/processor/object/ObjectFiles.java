package io.stencil4j.processor.object;

/** Reads an object file of any supported format, recognised by its first bytes. */
public final class ObjectFiles {
  private ObjectFiles() {}

  /**
   * {@return the object file in {@code bytes}, read by the reader of its format}
   *
   * @param bytes the file's contents
   * @throws MalformedObjectException if the format is unknown or the file is damaged
   */
  public static ObjectFile read(byte[] bytes) throws MalformedObjectException {
    if (bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L'
        && bytes[3] == 'F') {
      return ElfReader.read(bytes);
    }
    if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xcf && (bytes[1] & 0xff) == 0xfa
        && (bytes[2] & 0xff) == 0xed && (bytes[3] & 0xff) == 0xfe) {
      return MachOReader.read(bytes);
    }
    if (bytes.length >= 2) {
      int machine = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8;
      if (machine == 0x8664 || machine == 0x14c || machine == 0xaa64) {
        return CoffReader.read(bytes);
      }
    }
    throw new MalformedObjectException("not an ELF, Mach-O or COFF object file");
  }
}
