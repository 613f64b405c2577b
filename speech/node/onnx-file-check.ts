/**
 * Cheap integrity check of an ONNX file without parsing it: walks the top-level protobuf fields
 * of the ModelProto (a handful of tags and lengths) and checks they end exactly at the end of the
 * file. A truncated download or a file of junk fails; a whole model passes in microseconds.
 */
import fs from 'node:fs';

/** Returns null for a whole-looking ONNX file, else what is wrong ("truncated …", "not an ONNX model"). */
export function checkOnnxFile(file: string): string | null {
  const size = fs.statSync(file).size;
  if (size === 0) return 'empty (0 bytes)';
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    let position = 0;
    let sawGraph = false;
    while (position < size) {
      const read = fs.readSync(fd, buffer, 0, 16, position);
      const tag = readVarint(buffer, 0, read);
      if (!tag) return 'not an ONNX model (unreadable header)';
      const field = Number(tag.value >> 3n);
      const wireType = Number(tag.value & 7n);
      let next = position + tag.bytes;
      if (wireType === 0) {
        const value = readVarint(buffer, tag.bytes, read);
        if (!value) return 'truncated (ends inside a field)';
        next += value.bytes;
      } else if (wireType === 2) {
        const length = readVarint(buffer, tag.bytes, read);
        if (!length) return 'truncated (ends inside a field)';
        next += length.bytes + Number(length.value);
      } else {
        return 'not an ONNX model (unexpected field type)';
      }
      if (field < 1 || field > 25) return 'not an ONNX model (unexpected field)';
      if (field === 7) sawGraph = true;
      if (next > size) return `truncated (${size} bytes, the model needs ${next})`;
      position = next;
    }
    return sawGraph ? null : 'not an ONNX model (no graph)';
  } finally {
    fs.closeSync(fd);
  }
}

function readVarint(
  buffer: Buffer,
  offset: number,
  end: number,
): { value: bigint; bytes: number } | null {
  let value = 0n;
  for (let i = 0; i < 10 && offset + i < end; i++) {
    const byte = buffer[offset + i] ?? 0;
    value |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) return { value, bytes: i + 1 };
  }
  return null;
}
