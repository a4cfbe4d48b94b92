import {
  type Alias,
  type Document,
  isMap,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Node as YamlNode,
} from 'yaml';
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

/** A file with thousands of mistakes says the first ones and how many more (and stays a small reply). */
export const MAX_PROBLEMS_PER_FILE = 50;

/**
 * At most MAX_PROBLEMS_PER_FILE problems, then one (placed at the next) that counts the rest. Only
 * those are made into problems: finding a node's position costs, and 100,000 mistakes happen.
 */
export function capProblems<T>(items: readonly T[], toProblem: (item: T) => ScenarioProblem): ScenarioProblem[] {
  const shown = items.slice(0, MAX_PROBLEMS_PER_FILE).map(toProblem);
  if (items.length > MAX_PROBLEMS_PER_FILE)
    shown.push({
      ...toProblem(items[MAX_PROBLEMS_PER_FILE]!),
      message: `…and ${items.length - MAX_PROBLEMS_PER_FILE} more problems (fix these first)`,
    });
  return shown;
}

/** The first alias (*name) in the document, or the one named. */
function aliasIn(doc: Document, name?: string): Alias | null {
  let found: Alias | null = null;
  visit(doc, {
    Alias(_, node) {
      if (name === undefined || node.source === name) {
        found = node;
        return visit.BREAK;
      }
    },
  });
  return found;
}

/**
 * Text that is not UTF-8 YAML gets one clear problem instead of a parse of garbage: UTF-16 (its
 * zero bytes), and Windows-1252 or other encodings (replacement characters where bytes were invalid).
 */
function encodingProblem(text: string, file: string): ScenarioProblem | null {
  if (text.includes('\u0000'))
    return { file, line: 1, col: 1, message: 'The file is not UTF-8 text (UTF-16?): save it as UTF-8.' };
  const bad = text.indexOf('\uFFFD');
  if (bad < 0) return null;
  const line = text.slice(0, bad).split('\n').length;
  return {
    file,
    line,
    col: 1,
    message: 'The file has bytes that are not UTF-8 (another encoding?): save it as UTF-8.',
  };
}

/**
 * Parses YAML and validates it with a zod schema; every problem carries its line and column.
 * Never throws: a broken alias, an alias bomb, another encoding are problems of this file only.
 */
export function parseYamlWith<S extends z.ZodType>(schema: S, rawText: string, file: string): YamlSource<z.output<S>> {
  // Old Mac line endings (CR alone) read as one long line otherwise.
  const text = rawText.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problemAt = (path: PropertyKey[], message: string): ScenarioProblem => {
    const node = nodeAt(doc.contents as YamlNode | null, path);
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file, line: pos.line, col: pos.col, message: (path.length ? `${path.join('.')}: ` : '') + message };
  };
  const encoding = encodingProblem(text, file);
  if (encoding) return { problemAt, problems: [encoding] };
  if (doc.errors.length > 0) {
    return {
      problemAt,
      problems: capProblems(doc.errors, (e) => {
        const pos = lineCounter.linePos(openingQuoteOf(text, e.message, e.pos[0]) ?? e.pos[0]);
        return { file, line: pos.line, col: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    const unresolved = /Unresolved alias.*?: (.+)$/.exec(message)?.[1]?.trim();
    const alias = aliasIn(doc, unresolved);
    const pos = lineCounter.linePos(alias?.range?.[0] ?? 0);
    const said = unresolved
      ? `YAML: the alias *${unresolved} has no anchor &${unresolved} before it: write the value out, or define it first`
      : /Excessive alias count/.test(message)
        ? 'YAML: aliases (*name) expand to too much here: write the values out'
        : `YAML: ${message.split('\n')[0]}`;
    return { problemAt, problems: [{ file, line: pos.line, col: pos.col, message: said }] };
  }
  const parsed = schema.safeParse(js);
  if (!parsed.success)
    return { problemAt, problems: capProblems(parsed.error.issues, (i) => problemAt(i.path, i.message)) };
  return { problemAt, problems: [], data: parsed.data };
}
