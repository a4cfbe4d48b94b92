import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { ScenarioProblem } from './domain';

/** A parsed YAML file that can say where any path in it is: for file:line:col messages. */
export interface YamlSource<T> {
  data?: T;
  problems: ScenarioProblem[];
  problemAt(path: PropertyKey[], message: string): ScenarioProblem;
}

function nodeAt(root: YamlNode | null, path: PropertyKey[]): YamlNode | null {
  let node: YamlNode | null = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) return node;
      node = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof key === 'number') {
      node = (node.items[key] as YamlNode | undefined) ?? node;
    } else {
      return node;
    }
  }
  return node;
}

/**
 * The parser reports an unclosed quote where the file ends; the author needs the line where the
 * quote opened: the last line before that point with an odd number of that quote character.
 */
function openingQuoteOf(text: string, message: string, at: number): number | null {
  const quote = /Missing closing "quote/.test(message) ? '"' : /Missing closing 'quote/.test(message) ? "'" : null;
  if (!quote) return null;
  let offset = 0;
  let found: number | null = null;
  for (const line of text.slice(0, at).split('\n')) {
    if ((line.split(quote).length - 1) % 2 === 1) found = offset + line.indexOf(quote);
    offset += line.length + 1;
  }
  return found;
}

/** Parses YAML and validates it with a zod schema; every problem carries its line and column. */
export function parseYamlWith<S extends z.ZodType>(schema: S, text: string, file: string): YamlSource<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problemAt = (path: PropertyKey[], message: string): ScenarioProblem => {
    const node = nodeAt(doc.contents as YamlNode | null, path);
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file, line: pos.line, col: pos.col, message: (path.length ? `${path.join('.')}: ` : '') + message };
  };
  if (doc.errors.length > 0) {
    return {
      problemAt,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(openingQuoteOf(text, e.message, e.pos[0]) ?? e.pos[0]);
        return { file, line: pos.line, col: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) return { problemAt, problems: parsed.error.issues.map((i) => problemAt(i.path, i.message)) };
  return { problemAt, problems: [], data: parsed.data };
}
