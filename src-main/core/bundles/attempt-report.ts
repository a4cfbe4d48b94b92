import type { AttemptDetail, Evidence, ReviewComment, TurnRecord } from '../domain';

/**
 * One reviewed attempt as a single self-contained HTML page, for people without Sparring: scores
 * with the words that earned them, every human score change with its author and reason, the
 * comments at their moments, the review and the coaching plan. No scripts, no external files;
 * it prints to PDF from any browser (print styles included).
 */
export function attemptReportHtml(a: AttemptDetail): string {
  const title = `${a.scenarioTitle}: ${a.rep}, ${day(a.startedAt)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head>
<body><main>
<h1>${esc(a.scenarioTitle)}</h1>
<p class="meta">${esc(a.rep)} · ${esc(new Date(a.startedAt).toUTCString())} ·
overall <strong>${a.overallScore ?? '–'}</strong>
${a.certification ? ` · <span class="cert">${esc(a.certification.label)}</span>` : ''}</p>
${reviewBlock(a)}
${planBlock(a)}
${challengeBlock(a)}
${a.turns
  .map((t) =>
    turnBlock(
      t,
      a.comments.filter((c) => c.turnId === t.id),
    ),
  )
  .join('\n')}
<footer>Exported from Sparring on ${esc(new Date().toUTCString())}.
Scores are automatic unless marked as changed by a reviewer.</footer>
</main></body></html>`;
}

function challengeBlock(a: AttemptDetail): string {
  const c = a.summary?.challenge;
  return c
    ? `<p class="challenge">Challenge for next time: ${esc(c.title)} (scored ${c.score}). ${esc(c.tip)}</p>`
    : '';
}

function reviewBlock(a: AttemptDetail): string {
  if (!a.review) return '<p class="review">Not reviewed yet.</p>';
  const status = a.review.status === 'reviewed' ? 'Reviewed' : 'Needs another attempt';
  return `<p class="review"><strong>${status}</strong> by ${esc(a.review.reviewer)}, ${day(a.review.at)}${
    a.review.note ? `: ${esc(a.review.note)}` : ''
  }</p>`;
}

function planBlock(a: AttemptDetail): string {
  const p = a.plan;
  if (!p) return '';
  const next = p.suggestedScenarioId
    ? `<br>Practise next: ${esc(p.suggestedScenarioTitle ?? p.suggestedScenarioId)}`
    : '';
  return `<section class="plan"><h2>Coaching plan</h2><p>Focus on: ${p.skills.map(esc).join(', ')}${next}</p>
${p.note ? `<p>${esc(p.note)}</p>` : ''}<p class="muted">${esc(p.author)}, ${day(p.updatedAt)}</p></section>`;
}

function turnBlock(t: TurnRecord, comments: ReviewComment[]): string {
  const evidence = t.score?.criteria.flatMap((c) => c.evidence) ?? [];
  const rows =
    t.score?.criteria
      .map((c) => {
        const changed = c.override
          ? `<br><em>Changed to ${c.override.score} by ${esc(c.override.author)}: ${esc(c.override.reason)}</em>`
          : '';
        const words = c.evidence.map((e) => `“${esc(e.text)}”${at(e.audioStart)}`).join(', ');
        return `<tr><td>${esc(c.title)}</td><td>${c.override?.score ?? c.score ?? '–'}</td>
<td>${esc(c.explanation)}${words ? `<br>Evidence: ${words}` : ''}${changed}</td></tr>`;
      })
      .join('\n') ?? '';
  const rowsHtml = `<tbody>${rows}</tbody>`;
  return `<section class="turn"><h2>Turn ${t.index + 1}</h2>
<p class="buyer"><strong>Buyer:</strong> ${esc(t.buyerLine)}</p>
<p class="answer">${t.transcript ? marked(t.transcript.text, evidence) : '<em>Not transcribed.</em>'}</p>
${t.score ? `<table><thead><tr><th>Criterion</th><th>Score</th><th>Why</th></tr></thead>${rowsHtml}</table>` : ''}
${comments.length ? `<ul class="comments">${comments.map(commentItem).join('')}</ul>` : ''}
</section>`;
}

function commentItem(c: ReviewComment): string {
  const when = c.endSeconds !== null ? `${clock(c.atSeconds)}–${clock(c.endSeconds)}` : clock(c.atSeconds);
  const reply = c.parentId !== null ? ' class="reply"' : '';
  const tag = c.criterionId ? ` [${esc(c.criterionId)}]` : '';
  return `<li${reply}><strong>${when}</strong> ${esc(c.author)}${tag}: ${esc(c.body)}${
    c.resolvedAt ? ' <em>(resolved)</em>' : ''
  }</li>`;
}

/** The transcript with the words that earned points marked. */
function marked(text: string, evidence: Evidence[]): string {
  const spans = [...evidence]
    .sort((x, y) => x.start - y.start)
    .filter((e, i, all) => i === 0 || e.start >= all[i - 1]!.end);
  let out = '';
  let pos = 0;
  for (const e of spans) {
    out += esc(text.slice(pos, e.start)) + `<mark>${esc(text.slice(e.start, e.end))}</mark>`;
    pos = e.end;
  }
  return out + esc(text.slice(pos));
}

const at = (s: number | undefined) => (s === undefined ? '' : ` at ${clock(s)}`);
const clock = (s: number) =>
  `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
const day = (iso: string) => iso.slice(0, 10);
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; color: #1c2330; margin: 0; background: #f6f7fb; }
main { max-width: 860px; margin: 0 auto; padding: 24px; background: #fff; }
h1 { margin: 0 0 4px; font-size: 24px; } h2 { font-size: 17px; margin: 20px 0 6px; }
.meta, .muted, footer { color: #4a5468; } footer { margin-top: 28px; font-size: 13px; }
.cert { font-weight: 600; } mark { background: #dfe8ff; padding: 0 2px; }
.plan, .review, .challenge { border-left: 4px solid #2453d4; padding: 6px 12px; background: #f3f6ff; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; } td, th { border: 1px solid #d5dae6; padding: 6px 8px;
vertical-align: top; text-align: left; }
.comments { padding-left: 18px; } .reply { margin-left: 20px; list-style: circle; }
@media print { body { background: #fff; } main { padding: 0; } .turn { break-inside: avoid; } }`;
