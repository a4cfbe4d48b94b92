import type { CoreContext } from '../context';
import type { AttemptDetail } from '../domain';
import type { PeopleService } from '../people/people-service';
import { BundlesRepository } from '../storage/bundles-repository';
import { SparringError } from '../errors';
import { attemptReportHtml } from './attempt-report';
import { checkBundle } from './bundle-check';
import { type ImportReport, writeBundle } from './bundle-import';
import { buildBundle } from './bundle-export';
import { BUNDLE_EXTENSION, type Manifest } from './bundle-manifest';

/**
 * Attempts travel without a server: a rep exports attempts as a `.sparring-attempts` file, the
 * manager imports it, reviews, and sends back a `.sparring-review` file the rep imports. Both are
 * zips checked completely before anything is written (see bundle-check.ts), and importing one
 * twice adds nothing.
 */
export class BundleService {
  private readonly bundles: BundlesRepository;

  constructor(
    private readonly ctx: Pick<
      CoreContext,
      'db' | 'turns' | 'tries' | 'reviews' | 'records' | 'attempts' | 'audio' | 'catalog'
    >,
    private readonly people: PeopleService,
    private readonly attempt: (id: number) => AttemptDetail,
  ) {
    this.bundles = new BundlesRepository(ctx.db);
  }

  exportAttempts(attemptIds: number[]): { fileName: string; zip: Uint8Array } {
    return this.export('sparring-attempts', attemptIds);
  }

  exportReview(attemptIds: number[]): { fileName: string; zip: Uint8Array } {
    return this.export('sparring-review', attemptIds);
  }

  private export(kind: Manifest['format'], attemptIds: number[]) {
    const ids = [...new Set(attemptIds)];
    if (!ids.length) throw new SparringError('nothing_to_export', 'Choose at least one attempt to export.');
    const me = this.people.me();
    const { zip, reps } = buildBundle({ ...this.ctx, bundles: this.bundles }, kind, ids, me.id);
    const who = reps.length === 1 ? reps[0]! : `${reps.length} reps`;
    const what = ids.length === 1 ? `attempt ${ids[0]}` : `${ids.length} attempts`;
    const date = new Date().toISOString().slice(0, 10);
    return { fileName: safeFileName(`${who} ${what} ${date}${BUNDLE_EXTENSION[kind]}`), zip };
  }

  /** One attempt, reviewed or not, as a self-contained HTML page (printable to PDF) for people without Sparring. */
  exportHtml(attemptId: number): { fileName: string; html: string } {
    const a = this.attempt(attemptId);
    const fileName = safeFileName(`${a.rep} ${a.scenarioTitle} ${a.startedAt.slice(0, 10)}.html`);
    return { fileName, html: attemptReportHtml(a) };
  }

  /** Imports an attempts bundle or a review file; refused as a whole (BundleRefusedError) when any check fails. */
  async import(zip: Uint8Array, fileName: string): Promise<ImportReport> {
    const me = this.bundles.people([this.people.me().id])[0]!;
    const ctx = { ...this.ctx, bundles: this.bundles, me };
    const checked = await checkBundle(zip, fileName, ctx);
    return writeBundle(ctx, checked, me);
  }
}

/** A name that is a valid file name on every desktop system. */
const safeFileName = (name: string) =>
  [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/\s+/g, ' ');
