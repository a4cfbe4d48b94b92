import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { peaksFileFor, writePeaks } from './peaks';
import { WavAppendWriter } from './wav-append-writer';

/** The SHA-256 a stored answer's path names (audio/ab/<sha>.wav, or a team copy audio/team/ab/<sha>.wav). */
export const shaOfAudioPath = (path: string): string | null => /([0-9a-f]{64})\.wav$/.exec(path)?.[1] ?? null;

/**
 * Recordings on disk. While the rep speaks, audio is appended to recordings/<id>.wav; when the
 * answer is finished the file moves to audio/<sha256>.wav, and the database points at it by hash.
 */
/** A rename, or where audio/ is on another disk (a link to it), a copy made whole before the original goes. */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const part = `${to}.${randomUUID()}.part`;
    copyFileSync(from, part);
    renameSync(part, to);
    rmSync(from);
  }
}

/** A finished recording and where it will be filed (audio-store prepare / place). */
export interface PreparedAudio {
  from: string;
  wav: Buffer;
  target: string;
  relativePath: string;
}

export class AudioStore {
  constructor(private readonly dataDir: string) {}

  private get inProgressDir() {
    return join(this.dataDir, 'recordings');
  }

  begin(): { id: string; writer: WavAppendWriter } {
    const id = randomUUID();
    return { id, writer: new WavAppendWriter(join(this.inProgressDir, `${id}.wav`)) };
  }

  /**
   * Finishes the writer and files the audio under its content hash; returns the path relative to the data directory.
   */
  commit(writer: WavAppendWriter): string {
    return this.place(this.prepare(writer));
  }

  /**
   * Finishes the writer and works out where its audio will be filed (by its content hash), without
   * moving it yet: the caller stores the row that points there first, so a failure in between (a
   * full disk) leaves the recording where recovery finds it, never a file nothing points to.
   */
  prepare(writer: WavAppendWriter): PreparedAudio {
    writer.finish();
    return this.prepareFile(writer.path, readFileSync(writer.path));
  }

  /** Moves prepared audio into place, with its waveform peaks beside it; returns its relative path. */
  place(p: PreparedAudio): string {
    mkdirSync(dirname(p.target), { recursive: true });
    if (existsSync(p.target)) rmSync(p.from);
    else moveFile(p.from, p.target);
    try {
      if (!existsSync(peaksFileFor(p.target))) writePeaks(p.target, p.wav);
    } catch {
      // Peaks are an outline, computed again when first asked for (a full disk may refuse them now).
    }
    return p.relativePath;
  }

  private prepareFile(from: string, wav: Buffer): PreparedAudio {
    const sha = createHash('sha256').update(wav).digest('hex');
    const target = join(this.dataDir, 'audio', sha.slice(0, 2), `${sha}.wav`);
    return { from, wav, target, relativePath: this.relativePath(target) };
  }

  /**
   * Files a recording (finished, or recovered with its header repaired) under its content hash,
   * with its waveform peaks beside it, computed from the bytes already read for the hash: the
   * review page never decodes the audio, and the file is read once.
   */
  commitFile(path: string): string {
    return this.file(path, readFileSync(path));
  }

  /** Files the audio at `path`, whose bytes are `wav` (already in memory: not read again). */
  private file(path: string, wav: Buffer): string {
    return this.place(this.prepareFile(path, wav));
  }

  /**
   * Files audio that arrived as bytes (an imported bundle): written beside the live recordings
   * first, then filed like a finished answer, under its content hash with its peaks.
   */
  importBytes(bytes: Uint8Array): string {
    mkdirSync(this.inProgressDir, { recursive: true });
    const temp = join(this.inProgressDir, `import-${randomUUID()}.wav`);
    writeFileSync(temp, bytes);
    return this.file(temp, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /**
   * Where the team store's copy of an answer is kept once fetched (the answer was recorded on
   * another computer): named by the hash of the master WAV it was made from, which stays there.
   */
  teamCopyPath(masterSha256: string): string {
    return `audio/team/${masterSha256.slice(0, 2)}/${masterSha256}.wav`;
  }

  /**
   * Writes a fetched team copy (decoded to WAV) at its path, with its peaks; atomically, so a
   * half-written one is never read.
   */
  saveTeamCopy(relativePath: string, wav: Buffer): void {
    const target = this.absolute(relativePath);
    mkdirSync(dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.part`;
    writeFileSync(temp, wav);
    renameSync(temp, target);
    writePeaks(target, wav);
  }

  /** A path inside the data directory as the database stores it: relative, with forward slashes. */
  relativePath(path: string): string {
    return relative(this.dataDir, path).split('\\').join('/');
  }

  discard(writer: WavAppendWriter): void {
    writer.abandon();
    rmSync(writer.path, { force: true });
  }

  absolute(relativePath: string): string {
    return join(this.dataDir, relativePath);
  }
}
