import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';

const GGML_MAGIC = 0x67676d6c;
const READ_WINDOW_BYTES = 64 * 1024;

/** Bytes per block and elements per block of the ggml tensor types whisper models use. */
const TYPE_SIZES: Record<number, [bytes: number, elements: number]> = {
  0: [4, 1], // f32
  1: [2, 1], // f16
  2: [18, 32], // q4_0
  3: [20, 32], // q4_1
  6: [22, 32], // q5_0
  7: [24, 32], // q5_1
  8: [34, 32], // q8_0
};

export type ModelFileCheck = { ok: true; tensors: number } | { ok: false; notAModel: boolean; reason: string };

/**
 * Walks a whisper.cpp (legacy ggml) model file's structure, reading only headers: hyper-parameters,
 * mel filters, vocabulary, then every tensor's header with its data skipped. Needed because
 * whisper.cpp 1.5 happily loads a file cut short (it reads zeros past the end) and then
 * transcribes every answer as silence: a truncated download must be caught here instead.
 */
export function checkModelFile(path: string): ModelFileCheck {
  // Opening a FIFO would wait for a writer forever (and every call behind this one with it).
  if (!statSync(path).isFile()) return { ok: false, notAModel: true, reason: 'it is not a regular file' };
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let pos = 0;
    // Read through a window: the vocabulary alone is ~50,000 length-prefixed strings, and one read per
    // integer took 70 ms (more on a busy machine), long enough to stall the bridge serving an attempt page.
    const window = Buffer.alloc(READ_WINDOW_BYTES);
    let windowStart = 0;
    let windowBytes = 0;
    const i32 = (count = 1): number[] => {
      const need = 4 * count;
      if (pos < windowStart || pos + need > windowStart + windowBytes) {
        windowStart = pos;
        windowBytes = readSync(fd, window, 0, window.length, pos);
        if (windowBytes < need) throw new RangeError('ends early');
      }
      const at = pos - windowStart;
      pos += need;
      return Array.from({ length: count }, (_, i) => window.readInt32LE(at + i * 4));
    };
    const skip = (bytes: number) => {
      pos += bytes;
      if (pos > size) throw new RangeError('ends early');
    };
    try {
      if (i32()[0]! >>> 0 !== GGML_MAGIC)
        return { ok: false, notAModel: true, reason: 'it is not a whisper.cpp (ggml) model file' };
      i32(11); // hyper-parameters
      const [nMel, nFft] = i32(2);
      skip(nMel! * nFft! * 4);
      const [nVocab] = i32();
      for (let i = 0; i < nVocab!; i++) skip(i32()[0]!);
      let tensors = 0;
      while (pos < size) {
        const [nDims, nameLength, type] = i32(3);
        if (nDims! < 1 || nDims! > 4 || nameLength! < 1 || nameLength! > 256)
          return { ok: false, notAModel: false, reason: `tensor ${tensors + 1} has a damaged header` };
        const elements = i32(nDims!).reduce((a, b) => a * b, 1);
        skip(nameLength!);
        const sizes = TYPE_SIZES[type!];
        if (!sizes) return { ok: true, tensors }; // a type this check does not know: trust whisper.cpp from here
        skip(Math.ceil(elements / sizes[1]) * sizes[0]);
        tensors++;
      }
      if (tensors === 0) return { ok: false, notAModel: false, reason: 'it holds no weights' };
      return { ok: true, tensors };
    } catch (error) {
      if (error instanceof RangeError)
        return {
          ok: false,
          notAModel: false,
          reason: `it ends early (${(size / 1e6).toFixed(1)} MB on disk): the download was cut short`,
        };
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}
