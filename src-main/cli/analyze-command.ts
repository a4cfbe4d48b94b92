/** `analyze`: what the detectors find in a rep's words, as text or JSON Lines. */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { analyzeText } from '../core';
import { UsageError } from './cli-context';

export function analysisJson(text: string) {
  const a = analyzeText(text);
  return {
    text: a.text,
    sentences: a.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end, question: s.question })),
    techniques: a.techniques,
    fillers: a.fillers,
  };
}

export function describeAnalysis(text: string): string {
  const a = analysisJson(text);
  const lines = a.sentences.map((s) => `  ${s.question ? `[${s.question} question]` : '[statement]'} ${s.text}`);
  const found = Object.entries(a.techniques).filter(([, t]) => t.detected);
  const quoted = found.map(([id, t]) => `${id} ("${t.evidence.map((e) => e.text).join('", "')}")`);
  lines.push(`  techniques: ${found.length ? quoted.join('; ') : 'none'}`);
  lines.push(
    `  fillers: ${a.fillers.count}${a.fillers.count ? ` (${a.fillers.items.map((f) => f.text).join(', ')})` : ''}`,
  );
  return lines.join('\n');
}

export async function analyze(args: string[]) {
  const { values } = parseArgs({ args, options: { text: { type: 'string' }, json: { type: 'boolean' } } });
  const print = (text: string) =>
    process.stdout.write((values.json ? JSON.stringify(analysisJson(text)) : describeAnalysis(text)) + '\n');
  if (values.text !== undefined) return print(values.text);
  if (process.stdin.isTTY) throw new UsageError('analyze needs --text "..." or utterances on stdin, one per line.');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) print(line);
}
