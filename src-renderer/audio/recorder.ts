import { floatToPcm16, meterLevel } from './pcm';

export const SAMPLE_RATE = 16000;
/** 250 ms of audio per chunk sent to disk: a crash loses at most that much. */
const CHUNK_SAMPLES = SAMPLE_RATE / 4;

export type MicProblem = 'no-microphone' | 'permission-denied' | 'unavailable';

export class MicError extends Error {
  constructor(
    readonly problem: MicProblem,
    message: string,
  ) {
    super(message);
  }
}

function explain(error: unknown): MicError {
  const name = (error as DOMException)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return new MicError(
      'permission-denied',
      'Microphone access was denied. Allow it in your system settings, then try again.',
    );
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return new MicError('no-microphone', 'No microphone was found. Plug one in, then try again.');
  return new MicError(
    'unavailable',
    `The microphone could not be started: ${(error as Error)?.message ?? String(error)}`,
  );
}

/**
 * Captures the microphone at 16 kHz mono through an AudioWorklet and hands out base64 PCM
 * chunks as they fill, plus a level for the meter.
 */
export class Recorder {
  private buffer = new Float32Array(CHUNK_SAMPLES);
  private filled = 0;
  private constructor(
    private readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
    private readonly source: MediaStreamAudioSourceNode,
  ) {}

  /**
   * Opens the microphone (a chosen device, or the default). `onEnded` is called if the device
   * goes away mid-answer (unplugged, or taken by the system), so the caller can keep what was said.
   */
  static async open(
    onChunk: (pcm16: Uint8Array<ArrayBuffer>) => void,
    onLevel: (level: number) => void,
    options: { deviceId?: string; onEnded?: () => void } = {},
  ): Promise<Recorder> {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: {
          channelCount: 1,
          echoCancellation: true,
          noiseSuppression: true,
          ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : {}),
        },
      });
    } catch (error) {
      throw explain(error);
    }
    const track = stream.getAudioTracks()[0];
    if (track && options.onEnded) track.addEventListener('ended', options.onEnded, { once: true });
    const context = new AudioContext({ sampleRate: SAMPLE_RATE });
    await context.audioWorklet.addModule(new URL('capture-worklet.js', document.baseURI).href);
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, 'sparring-capture');
    const recorder = new Recorder(stream, context, node, source);
    node.port.onmessage = (m: MessageEvent<Float32Array>) => {
      onLevel(meterLevel(m.data));
      recorder.push(m.data, onChunk);
    };
    source.connect(node);
    await context.resume();
    return recorder;
  }

  private push(frame: Float32Array, onChunk: (pcm16: Uint8Array<ArrayBuffer>) => void) {
    let offset = 0;
    while (offset < frame.length) {
      const n = Math.min(frame.length - offset, CHUNK_SAMPLES - this.filled);
      this.buffer.set(frame.subarray(offset, offset + n), this.filled);
      this.filled += n;
      offset += n;
      if (this.filled === CHUNK_SAMPLES) {
        onChunk(floatToPcm16(this.buffer));
        this.filled = 0;
      }
    }
  }

  /** Stops capture; returns the last partial chunk (if any) so nothing said is dropped. */
  async stop(): Promise<Uint8Array<ArrayBuffer> | null> {
    this.source.disconnect();
    this.node.port.onmessage = null;
    this.stream.getTracks().forEach((t) => t.stop());
    await this.context.close();
    const rest = this.filled ? floatToPcm16(this.buffer.subarray(0, this.filled)) : null;
    this.filled = 0;
    return rest;
  }
}

/** The microphones the system offers (names appear once the user has allowed microphone access). */
export async function listMicrophones(): Promise<{ id: string; label: string }[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'audioinput')
    .map((d, i) => ({ id: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
}
