import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repairWavHeader } from '../audio/wav-append-writer';
import type { CoreContext } from '../context';
import type { PracticePath } from './practice-path';

/**
 * After a crash: every answer that was being recorded is recovered up to its last chunk on disk
 * (header repaired from the file length) and stored with its step for transcription later; every
 * attempt left in progress is marked incomplete (it can be resumed); attempts discarded in the
 * last session are deleted. Nothing the rep said is silently dropped.
 */
export function recoverInterrupted(
  ctx: Pick<CoreContext, 'dataDir' | 'attempts' | 'turns' | 'recordings' | 'records' | 'audio' | 'tries'>,
  path: PracticePath,
): { recordings: number; attempts: number; purged: number } {
  let recordings = 0;
  for (const r of ctx.recordings.all()) {
    const full = join(ctx.dataDir, r.path);
    try {
      const durationSeconds = existsSync(full) ? repairWavHeader(full) : 0;
      if (durationSeconds > 0) {
        const { turn } = path.turnAt(r.attemptId, r.step);
        const audioPath = ctx.audio.commitFile(full);
        const saved = ctx.records.get(r.attemptId).turns.find((t) => t.index === r.step);
        if (saved && saved.audioPath !== audioPath && (saved.audioPath || saved.transcript)) {
          // The step was answered again after this recording stopped (a reload, an answer typed
          // after a full disk): that answer stays; this one is kept beside it, with its audio.
          ctx.tries.addRecording(r.attemptId, r.step, audioPath, durationSeconds, new Date().toISOString());
          ctx.recordings.remove(r.id);
          recordings++;
          continue;
        }
        ctx.turns.save(r.attemptId, {
          index: r.step,
          turnId: turn.id,
          buyerLine: turn.buyer,
          audioPath,
          durationSeconds,
          transcript: null,
          score: null,
        });
        recordings++;
      } else {
        rmSync(full, { force: true }); // nothing was captured
      }
    } catch (error) {
      console.error(`[sparring] could not recover the recording ${full}; it is left in place:`, error);
      continue;
    }
    ctx.recordings.remove(r.id);
  }
  const open = ctx.attempts.inProgress();
  for (const id of open) {
    ctx.attempts.setStatus(id, 'incomplete');
    ctx.records.refreshOverall(id);
  }
  // Certification attempts finished before outcomes were stored get theirs decided once, by today's rules.
  for (const id of ctx.attempts.undecidedCertifications()) ctx.records.decideCertification(id);
  return { recordings, attempts: open.length, purged: ctx.attempts.purgeDiscarded() };
}
