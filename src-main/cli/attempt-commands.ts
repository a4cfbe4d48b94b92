/** `attempts`: list attempts, carry them between computers as files, and export one as HTML. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_BUNDLE_BYTES } from '../api/contract';
import { UsageError, withApi } from './cli-context';
import { shown } from './scenario-commands';

const USAGE = `Usage:
  sparring attempts list [--rep <name>] [--limit <n>]
  sparring attempts export <id>... | --rep <name>  [--out <file.sparring-attempts>]
  sparring attempts send-review <id>... [--out <file.sparring-review>]
  sparring attempts import <file.sparring-attempts|file.sparring-review>
  sparring attempts html <id> [--out <file.html>]`;

const ids = (positionals: string[]) =>
  positionals.map((p) => {
    if (!/^\d+$/.test(p)) throw new UsageError(`"${p}" is not an attempt id (a number; see "sparring attempts list").`);
    return Number(p);
  });

export async function attempts(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, rep: { type: 'string' }, limit: { type: 'string' } },
  });
  const [action, ...rest] = positionals;
  await withApi(undefined, async (api) => {
    const repId = async () => {
      if (!values.rep) return undefined;
      const person = (await api.people.list({})).find((p) => p.name.toLowerCase() === values.rep!.toLowerCase());
      if (!person) throw new UsageError(`There is no person named "${values.rep}" here.`);
      return person.id;
    };
    if (action === 'list') {
      const page = await api.attempts.list({ limit: Number(values.limit ?? 50), repId: await repId() });
      for (const a of page.items)
        console.log(
          `${a.id}\t${a.startedAt.slice(0, 16).replace('T', ' ')}\t${a.rep}\t${a.scenarioTitle}\t` +
            `${a.overallScore ?? '–'}\t${a.review?.status ?? (a.status === 'complete' ? 'to review' : a.status)}`,
        );
      console.log(`${page.items.length} of ${page.total} attempts.`);
    } else if ((action === 'export' || action === 'send-review') && (rest.length || values.rep)) {
      let chosen = ids(rest);
      if (values.rep) {
        const page = await api.attempts.list({ limit: 500, repId: await repId(), status: 'complete' });
        chosen = [...chosen, ...page.items.map((a) => a.id)];
        if (!chosen.length) throw new UsageError(`${values.rep} has no finished attempts here.`);
      }
      const method = action === 'export' ? api.bundles.exportAttempts : api.bundles.exportReview;
      const { fileName, zipBase64 } = await method({ attemptIds: chosen });
      const out = resolve(values.out ?? fileName);
      const bytes = Buffer.from(zipBase64, 'base64');
      writeFileSync(out, bytes);
      console.log(`Wrote ${chosen.length} attempt(s) to ${shown(out)} (${(bytes.length / 1048576).toFixed(1)} MB).`);
    } else if (action === 'import' && rest.length === 1) {
      const file = rest[0]!;
      if (!existsSync(file)) throw new UsageError(`${file} does not exist.`);
      const stat = statSync(file);
      if (!stat.isFile())
        throw new UsageError(`${file} is not a file: name a .sparring-attempts or .sparring-review file.`);
      if (stat.size > MAX_BUNDLE_BYTES) {
        const mb = (n: number) => (n / 1048576).toFixed(0);
        throw new UsageError(`${file} is ${mb(stat.size)} MB; a file may be at most ${mb(MAX_BUNDLE_BYTES)} MB.`);
      }
      const r = await api.bundles.import({ fileName: basename(file), zip: readFileSync(file) });
      console.log(
        r.format === 'sparring-attempts'
          ? `Imported ${r.attemptsAdded} attempt(s) by ${r.reps.join(', ')}; ${r.attemptsAlreadyHere} already here.`
          : `Imported the review of ${r.reps.join(', ')}: ${r.commentsAdded} new comment(s), ` +
              `${r.commentsUpdated} updated, ${r.scoreChanges} score change(s), ${r.reviews} review(s), ` +
              `${r.plans} coaching plan(s).`,
      );
    } else if (action === 'html' && rest.length === 1) {
      const { fileName, html } = await api.bundles.exportHtml({ attemptId: ids(rest)[0]! });
      const out = resolve(values.out ?? fileName);
      writeFileSync(out, html);
      console.log(`Wrote ${shown(out)}.`);
    } else throw new UsageError(USAGE);
  });
}
