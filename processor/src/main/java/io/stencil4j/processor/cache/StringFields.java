package io.stencil4j.processor.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lists and maps of strings that cache entries and snapshots store: a count, then each
 * string in modified UTF-8; a map's entries sorted by key, so equal maps are equal bytes.
 */
final class StringFields {
  private StringFields() {}

  static void writeList(DataOutputStream out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String string : strings) {
      out.writeUTF(string);
    }
  }

  static List<String> readList(DataInputStream in) throws IOException {
    List<String> strings = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      strings.add(in.readUTF());
    }
    return strings;
  }

  static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeUTF(entry.getValue());
    }
  }

  /** A map as {@link #writeMap} wrote it, sorted by key. */
  static Map<String, String> readMap(DataInputStream in) throws IOException {
    Map<String, String> map = new TreeMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      map.put(in.readUTF(), in.readUTF());
    }
    return map;
  }
}
