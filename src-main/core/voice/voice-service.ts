import { join } from 'node:path';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { resolveInside, resolveRealInside } from '../paths';
import { type SpeechConfig, synthesizedLine } from './buyer-speech';

/** Media paths of scenario clips: scenario-clip/<scenario id>/<turn id>. */
const SCENARIO_CLIP_PREFIX = 'scenario-clip/';
/** The data folder's media: answers (audio/, team answers in audio/team/) and cached buyer voices. */
const MEDIA_FOLDERS = ['audio', 'voice-cache'];
const AUDIO_FILE = /\.(wav|ogg|opus|mp3|m4a|webm|flac)$/i;

/** The buyer's voice, and the files behind the media paths the UI plays (answers, clips, synthesised lines). */
export class VoiceService {
  constructor(
    private readonly ctx: Pick<CoreContext, 'dataDir' | 'catalog'>,
    private readonly speech: SpeechConfig | null,
  ) {}

  /**
   * How to voice a buyer line: the scenario's own clip when it has one, else the configured
   * text-to-speech endpoint (synthesised once, then cached), else null: the UI uses a system voice.
   * Returned as a media path for api.media.url().
   */
  async buyerLine(
    scenarioId: string,
    turnId: string,
  ): Promise<{ mediaPath: string | null; source: 'clip' | 'synthesized' | 'system' }> {
    const { scenario } = this.ctx.catalog.find(scenarioId);
    const turn = scenario.turns.find((t) => t.id === turnId);
    if (!turn) throw notFound(`Turn "${turnId}" of scenario "${scenarioId}"`);
    if (turn.audio)
      return {
        mediaPath: `${SCENARIO_CLIP_PREFIX}${encodeURIComponent(scenarioId)}/${encodeURIComponent(turnId)}`,
        source: 'clip',
      };
    if (!this.speech) return { mediaPath: null, source: 'system' };
    const mediaPath = await synthesizedLine(
      this.speech,
      this.ctx.dataDir,
      turn.buyer,
      turn.voice ?? scenario.persona.voice,
    );
    return { mediaPath, source: 'synthesized' };
  }

  /**
   * The file behind a media path from the UI: a scenario clip (named by scenario and turn id, so
   * the UI never names a file outside the data directory), or a file inside the data directory.
   */
  mediaFile(mediaPath: string): string {
    if (mediaPath.startsWith(SCENARIO_CLIP_PREFIX)) {
      const [scenarioId, turnId, ...rest] = mediaPath
        .slice(SCENARIO_CLIP_PREFIX.length)
        .split('/')
        .map(decodeURIComponent);
      if (!scenarioId || !turnId || rest.length) throw notFound(`Media "${mediaPath}"`);
      return this.ctx.catalog.clipFile(scenarioId, turnId);
    }
    resolveInside(this.ctx.dataDir, mediaPath); // a path leading out is refused as such
    // Only answers and buyer voices are media: never the database, settings or anything else here.
    const top = mediaPath.split('/')[0]!;
    if (!MEDIA_FOLDERS.includes(top) || !AUDIO_FILE.test(mediaPath)) throw notFound(`Media "${mediaPath}"`);
    return resolveRealInside(join(this.ctx.dataDir, top), mediaPath.slice(top.length + 1));
  }
}
