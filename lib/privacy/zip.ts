import { crc32 } from "node:zlib";

/**
 * A streaming, store-only ZIP writer (no compression, no ZIP64): each entry's bytes pass through as
 * they are produced; only the central directory (a few dozen bytes per entry) is kept in memory.
 * Sizes and CRC-32 follow each entry in a data descriptor (general-purpose flag bit 3), so nothing is
 * buffered to learn them first. Names are UTF-8 (flag bit 11). Archives past 4 GiB or 65,535 entries
 * are refused rather than written corrupt.
 */
export interface ZipEntry {
  name: string;
  /** Chunks of the file; strings are written as UTF-8. */
  content: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  modified?: Date;
}

const FLAGS = 0x0808; // bit 3: sizes in a data descriptor; bit 11: UTF-8 names
const VERSION = 20;
const LIMIT = 0xffffffff;

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

const encoder = new TextEncoder();

export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    if (++count > 0xffff) throw new Error("zip: too many entries");
    const name = Buffer.from(entry.name, "utf8");
    const { time, date } = dosTime(entry.modified ?? new Date());
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    // crc and sizes (14..25) stay 0: they follow in the data descriptor
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const headerOffset = offset;
    yield local;
    yield name;
    offset += local.length + name.length;

    let crc = 0;
    let size = 0;
    for await (const chunk of entry.content) {
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      if (bytes.length === 0) continue;
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (offset + size > LIMIT) throw new Error("zip: archive larger than 4 GiB");
      yield bytes;
    }
    offset += size;

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(size, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;
    offset += descriptor.length;

    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE((3 << 8) | VERSION, 4); // made by: Unix
    cd.writeUInt16LE(VERSION, 6);
    cd.writeUInt16LE(FLAGS, 8);
    cd.writeUInt16LE(0, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(size, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal attributes: 0
    cd.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    cd.writeUInt32LE(headerOffset, 42);
    central.push(cd, name);
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  if (offset + cdSize > LIMIT) throw new Error("zip: archive larger than 4 GiB");
  for (const b of central) yield b;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  yield end;
}

/** An async byte iterator as a web ReadableStream that pulls only as fast as the reader reads. */
export function toReadableStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}
