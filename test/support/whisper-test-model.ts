/**
 * Writes a whisper.cpp legacy-ggml model file (magic 0x67676d6c) with random weights and the
 * exact tensor names, shapes and dtypes of the official tiny.en / base.en models, so the real
 * whisper.cpp build loads it and runs at the real speed.
 *
 * It proves loading, running, parsing, timestamps, errors and speed. It proves NOTHING about
 * recognition accuracy: a hand-set lookup table in decoder layer 0 makes the decoder emit the
 * same fixed chain of words (the first `words` of TEST_MODEL_WORDS, all 80 by default) for every
 * 30 s window, whatever the audio. The chain's length sets the decoder's time, as a real answer's
 * word count does.
 *
 * Mechanism (why the output is fixed): each "class" token of the chain (SOT, <|0.00|>, the
 * words, <|30.00|>, EOT) owns one residual dimension of the token embedding (tied with the
 * output projection). One MLP hidden unit per class token in decoder block 0 fires only when
 * that token is the current input and moves the residual to the next token's dimension; a bias
 * on EOT's dimension in the final layer norm sends any off-chain token straight to EOT.
 */
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type TestModelShape = 'tiny.en' | 'base.en';

const SHAPES: Record<TestModelShape, { nState: number; nHead: number; nLayer: number }> = {
  'tiny.en': { nState: 384, nHead: 6, nLayer: 4 },
  'base.en': { nState: 512, nHead: 8, nLayer: 6 },
};

const N_VOCAB = 51864; // English-only models
const N_AUDIO_CTX = 1500;
const N_TEXT_CTX = 448;
const N_MELS = 80;
const N_FILE_TOKENS = 50256; // whisper.cpp adds the special tokens itself
const TOK_EOT = 50256;
const TOK_SOT = 50257;
const TOK_BEG = 50363; // <|0.00|>; timestamps step by 0.02 s
const A = 40; // class-token embedding component
const G = 40; // residual written by the lookup MLP
const BETA = 8; // final layer-norm bias on EOT's dimension
const SCALE = 0.02;
const H_ON = 9.5;

/** The sentence the generated model "hears" in every 30 s window (its first 80 words). */
export const TEST_MODEL_SENTENCE =
  'I completely understand the concern about price, and honestly most of our customers felt the same way at first. ' +
  'What changed their mind was the first quarter: onboarding time dropped by almost half, and the support tickets ' +
  'went down as well, ' +
  'which paid for the license several times over. So here is what I would suggest. Let us set up a thirty day pilot ' +
  'with your team, ' +
  'we track the numbers together every week, and if it does not pay for itself you simply walk away with no ' +
  'commitment at all. ' +
  'Does that sound fair to you? If so I can send over the pilot agreement today and we could kick off next Monday.';
export const TEST_MODEL_WORDS = TEST_MODEL_SENTENCE.split(/\s+/).slice(0, 80);

const EXTRA_WORDS = (
  'the of and to in is you that it he was for on are as with his they at be this have from or one had by word but ' +
  'not what ' +
  'all were we when your can said there use an each which she do how their if will up other about out many then them ' +
  'these so ' +
  'some her would make like him into time has look two more write go see number no way could people my than first ' +
  'water been ' +
  'call who oil its now find long down day did get come made may part price deal contract budget quarter pilot team ' +
  'customer ' +
  'support license renewal discount value product demo meeting manager decision timeline competitor feature ' +
  'integration onboarding'
).split(' ');

// ---------- numbers ----------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** IEEE half from a float (round to nearest; enough for weights and the hand-set values). */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = ((x >>> 23) & 0xff) - 127 + 15;
  const mant = x & 0x7fffff;
  if (exp <= 0) {
    if (exp < -10) return sign;
    const m = (mant | 0x800000) >> (1 - exp);
    return sign | ((m + 0x1000) >> 13);
  }
  if (exp >= 31) return sign | 0x7c00;
  return (sign | (exp << 10) | (mant >> 13)) + ((mant >> 12) & 1);
}

/** Deterministic xorshift32, so the same seed always writes the same file. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** 65,536 half-precision draws from N(0, SCALE²): random tensors index into it (fast, same distribution). */
function normalHalfTable(next: () => number): { half: Uint16Array; float: Float32Array } {
  const half = new Uint16Array(65536);
  const float = new Float32Array(65536);
  for (let i = 0; i < 65536; i += 2) {
    const u1 = (next() + 1) / 4294967297;
    const u2 = next() / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u1)) * SCALE;
    float[i] = r * Math.cos(2 * Math.PI * u2);
    float[i + 1] = r * Math.sin(2 * Math.PI * u2);
    half[i] = toHalf(float[i]!);
    half[i + 1] = toHalf(float[i + 1]!);
  }
  return { half, float };
}

function melFilters(sr = 16000, nFft = 400, nMels = 80): Float32Array {
  const fSp = 200 / 3;
  const minLogHz = 1000;
  const minLogMel = minLogHz / fSp;
  const logstep = Math.log(6.4) / 27;
  const hzToMel = (f: number) =>
    f >= minLogHz ? minLogMel + Math.log(Math.max(f, 1e-10) / minLogHz) / logstep : f / fSp;
  const melToHz = (m: number) => (m >= minLogMel ? minLogHz * Math.exp(logstep * (m - minLogMel)) : fSp * m);
  const nBins = 1 + nFft / 2;
  const fft = Array.from({ length: nBins }, (_, i) => (i * sr) / 2 / (nBins - 1));
  const lo = hzToMel(0);
  const hi = hzToMel(sr / 2);
  const melF = Array.from({ length: nMels + 2 }, (_, i) => melToHz(lo + ((hi - lo) * i) / (nMels + 1)));
  const out = new Float32Array(nMels * nBins);
  for (let i = 0; i < nMels; i++) {
    const enorm = 2 / (melF[i + 2]! - melF[i]!);
    for (let j = 0; j < nBins; j++) {
      const lower = -(melF[i]! - fft[j]!) / (melF[i + 1]! - melF[i]!);
      const upper = (melF[i + 2]! - fft[j]!) / (melF[i + 2]! - melF[i + 1]!);
      out[i * nBins + j] = Math.max(0, Math.min(lower, upper)) * enorm;
    }
  }
  return out;
}

// ---------- file writing ----------

class Writer {
  private readonly fd: number;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  bytes(b: Uint8Array) {
    let off = 0;
    while (off < b.byteLength) off += writeSync(this.fd, b, off, b.byteLength - off);
  }
  i32(...values: number[]) {
    const b = Buffer.alloc(4 * values.length);
    values.forEach((v, i) => b.writeInt32LE(v, i * 4));
    this.bytes(b);
  }
  close() {
    closeSync(this.fd);
  }
}

export interface TestModelResult {
  path: string;
  shape: TestModelShape;
  bytes: number;
}

/** Words a real model writes per second of speech (about 3.5 tokens; the bench's "realistic" chain). */
export const TOKENS_PER_SPEECH_SECOND = 3.5;

/** The chain length a real model would decode for `seconds` of speech (at least one word). */
export const realisticChainWords = (seconds: number) =>
  Math.min(TEST_MODEL_WORDS.length, Math.max(1, Math.round(seconds * TOKENS_PER_SPEECH_SECOND)));

export interface TestModelOptions {
  /**
   * How many words of TEST_MODEL_SENTENCE the model writes per window (1-80, default 80). The
   * decoder's time grows with it: 80 is an upper bound for a short answer, where a real model
   * writes about 3.5 words per second of speech.
   */
  words?: number;
  seed?: number;
}

/** Writes the model atomically (temp file + rename), so an interrupted run leaves no half file. */
export function writeWhisperTestModel(
  path: string,
  shape: TestModelShape,
  options: TestModelOptions = {},
): TestModelResult {
  const seed = options.seed ?? 1;
  const words = options.words ?? TEST_MODEL_WORDS.length;
  if (!Number.isInteger(words) || words < 1 || words > TEST_MODEL_WORDS.length)
    throw new RangeError(`words must be a whole number from 1 to ${TEST_MODEL_WORDS.length} (got ${words})`);
  const { nState: n, nHead, nLayer } = SHAPES[shape];
  const next = rng(seed);
  const table = normalHalfTable(next);
  const randomHalves = (count: number): Uint16Array => {
    const out = new Uint16Array(count);
    for (let i = 0; i < count; i += 2) {
      const r = next();
      out[i] = table.half[r & 0xffff]!;
      if (i + 1 < count) out[i + 1] = table.half[r >>> 16]!;
    }
    return out;
  };
  const randomFloats = (count: number): Float32Array => {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = table.float[next() & 0xffff]!;
    return out;
  };

  // vocabulary: 256 byte tokens, the chain words (distinct ids even when a word repeats), fillers
  const encoder = new TextEncoder();
  const vocab: Uint8Array[] = [];
  const seen = new Set<string>();
  const add = (s: string) => {
    vocab.push(encoder.encode(s));
    seen.add(s);
  };
  for (let i = 0; i < 256; i++) {
    vocab.push(Uint8Array.of(i));
    seen.add(String.fromCharCode(i));
  }
  // Every sentence word gets its token (the vocabulary is the same whatever the chain length);
  // the chain uses the first `words`.
  const sentenceIds = TEST_MODEL_WORDS.map((w) => {
    const id = vocab.length;
    add(' ' + w);
    return id;
  });
  for (const w of EXTRA_WORDS) {
    for (const s of [' ' + w, w, ' ' + w[0]!.toUpperCase() + w.slice(1)]) if (!seen.has(s)) add(s);
  }
  for (let i = 0; vocab.length < N_FILE_TOKENS; i++) if (!seen.has(` tok${i}`)) add(` tok${i}`);

  const chain = [TOK_SOT, TOK_BEG, ...sentenceIds.slice(0, words), TOK_BEG + 1500, TOK_EOT];
  const dim = new Map(chain.map((tok, i) => [tok, i] as const));
  const nextTok = new Map(chain.slice(0, -1).map((tok, i) => [tok, chain[i + 1]!] as const));

  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.partial`;
  const w = new Writer(tmp);
  let bytes = 0;
  const tensor = (name: string, shapeDims: number[], data: Uint16Array | Float32Array) => {
    const nameBytes = encoder.encode(name);
    w.i32(shapeDims.length, nameBytes.length, data instanceof Uint16Array ? 1 : 0, ...[...shapeDims].reverse());
    w.bytes(nameBytes);
    w.bytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    bytes += data.byteLength;
  };
  const zeros = (count: number) => new Float32Array(count);
  const ones = (count: number) => new Float32Array(count).fill(1);

  const magic = Buffer.alloc(4);
  magic.writeUInt32LE(0x67676d6c);
  w.bytes(magic);
  w.i32(N_VOCAB, N_AUDIO_CTX, n, nHead, nLayer, N_TEXT_CTX, n, nHead, nLayer, N_MELS, 1);
  const filters = melFilters();
  w.i32(N_MELS, filters.length / N_MELS);
  w.bytes(new Uint8Array(filters.buffer));
  w.i32(vocab.length);
  for (const t of vocab) {
    w.i32(t.length);
    w.bytes(t);
  }

  const attention = (prefix: string, kind: string) => {
    tensor(`${prefix}.${kind}.query.weight`, [n, n], randomHalves(n * n));
    tensor(`${prefix}.${kind}.query.bias`, [n], zeros(n));
    tensor(`${prefix}.${kind}.key.weight`, [n, n], randomHalves(n * n));
    tensor(`${prefix}.${kind}.value.weight`, [n, n], randomHalves(n * n));
    tensor(`${prefix}.${kind}.value.bias`, [n], zeros(n));
    tensor(`${prefix}.${kind}.out.weight`, [n, n], randomHalves(n * n));
    tensor(`${prefix}.${kind}.out.bias`, [n], zeros(n));
    tensor(`${prefix}.${kind}_ln.weight`, [n], ones(n));
    tensor(`${prefix}.${kind}_ln.bias`, [n], zeros(n));
  };
  const mlp = (prefix: string, fc1 = randomHalves(4 * n * n), b1 = zeros(4 * n), fc2 = randomHalves(4 * n * n)) => {
    tensor(`${prefix}.mlp.0.weight`, [4 * n, n], fc1);
    tensor(`${prefix}.mlp.0.bias`, [4 * n], b1);
    tensor(`${prefix}.mlp.2.weight`, [n, 4 * n], fc2);
    tensor(`${prefix}.mlp.2.bias`, [n], zeros(n));
    tensor(`${prefix}.mlp_ln.weight`, [n], ones(n));
    tensor(`${prefix}.mlp_ln.bias`, [n], zeros(n));
  };

  // encoder: all random
  tensor('encoder.conv1.weight', [n, N_MELS, 3], randomHalves(n * N_MELS * 3));
  tensor('encoder.conv1.bias', [n, 1], zeros(n));
  tensor('encoder.conv2.weight', [n, n, 3], randomHalves(n * n * 3));
  tensor('encoder.conv2.bias', [n, 1], zeros(n));
  const sinusoids = new Float32Array(N_AUDIO_CTX * n);
  const half = n / 2;
  const inc = Math.log(10000) / (half - 1);
  for (let t = 0; t < N_AUDIO_CTX; t++) {
    for (let c = 0; c < half; c++) {
      const v = t * Math.exp(-inc * c);
      sinusoids[t * n + c] = Math.sin(v);
      sinusoids[t * n + half + c] = Math.cos(v);
    }
  }
  tensor('encoder.positional_embedding', [N_AUDIO_CTX, n], sinusoids);
  for (let i = 0; i < nLayer; i++) {
    attention(`encoder.blocks.${i}`, 'attn');
    mlp(`encoder.blocks.${i}`);
  }
  tensor('encoder.ln_post.weight', [n], ones(n));
  tensor('encoder.ln_post.bias', [n], zeros(n));

  // decoder: random, plus the lookup table that fixes the output
  const embedding = randomHalves(N_VOCAB * n);
  for (const [tok, d] of dim) embedding[tok * n + d] = toHalf(A);
  tensor('decoder.token_embedding.weight', [N_VOCAB, n], embedding);
  tensor('decoder.positional_embedding', [N_TEXT_CTX, n], randomFloats(N_TEXT_CTX * n));
  for (let i = 0; i < nLayer; i++) {
    attention(`decoder.blocks.${i}`, 'attn');
    attention(`decoder.blocks.${i}`, 'cross_attn');
    if (i === 0) {
      const fc1 = randomHalves(4 * n * n);
      const b1 = zeros(4 * n);
      const fc2 = randomHalves(4 * n * n);
      chain.slice(0, -1).forEach((tok, u) => {
        fc1.fill(0, u * n, (u + 1) * n);
        fc1[u * n + dim.get(tok)!] = toHalf(1);
        b1[u] = -10;
        for (let r = 0; r < n; r++) fc2[r * 4 * n + u] = 0;
        fc2[dim.get(tok)! * 4 * n + u] = toHalf(-A / H_ON);
        fc2[dim.get(nextTok.get(tok)!)! * 4 * n + u] = toHalf(G / H_ON);
      });
      mlp(`decoder.blocks.${i}`, fc1, b1, fc2);
    } else {
      mlp(`decoder.blocks.${i}`);
    }
  }
  const lnBias = zeros(n);
  lnBias[dim.get(TOK_EOT)!] = BETA;
  tensor('decoder.ln.weight', [n], ones(n));
  tensor('decoder.ln.bias', [n], lnBias);
  w.close();
  renameSync(tmp, path);
  return { path, shape, bytes };
}
