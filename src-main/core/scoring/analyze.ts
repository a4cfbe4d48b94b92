import { findFillers } from './detectors/fillers';
import type { Span } from './detectors/match';
import { TECHNIQUE_IDS, TECHNIQUES, type TechniqueId } from './detectors/techniques';
import { classifyQuestion, type QuestionType } from './text/questions';
import { splitSentences } from './text/sentences';
import { tokenize } from './text/tokens';

export interface TechniqueResult {
  detected: boolean;
  evidence: Span[];
}

export interface TextAnalysis {
  text: string;
  wordCount: number;
  sentences: { text: string; start: number; end: number; question: QuestionType | null }[];
  techniques: Record<TechniqueId, TechniqueResult>;
  fillers: { count: number; items: Span[] };
}

export interface AnalyzeOptions {
  competitors?: string[];
  /** The learned model beside the rules (on by default; the trainer turns it off to measure the rules alone). */
  learned?: boolean;
}

/** Everything the deterministic detectors find in one rep utterance. Same text, same result. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): TextAnalysis {
  const sentences = splitSentences(text);
  const ctx = { text, sentences, competitors: options.competitors, learned: options.learned ?? true };
  const techniques = {} as Record<TechniqueId, TechniqueResult>;
  for (const id of TECHNIQUE_IDS) {
    const evidence = TECHNIQUES[id](ctx);
    techniques[id] = { detected: evidence.length > 0, evidence };
  }
  const fillers = findFillers(text, sentences);
  return {
    text,
    wordCount: tokenize(text).length,
    sentences: sentences.map((s) => ({ text: s.text, start: s.start, end: s.end, question: classifyQuestion(s).type })),
    techniques,
    fillers: { count: fillers.length, items: fillers },
  };
}
