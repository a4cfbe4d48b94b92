/** Words of a text with their character spans; the base every detector's evidence points into. */
export interface Token {
  text: string;
  /** Lower case, curly apostrophes straightened. */
  norm: string;
  start: number;
  end: number;
}

const WORD = /[$€£]?\d+(?:[.,:]\d+)*%?|[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*/g;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({
      text: m[0],
      norm: m[0].toLowerCase().replace(/’/g, "'"),
      start: offset + m.index,
      end: offset + m.index + m[0].length,
    });
  }
  return out;
}
