import type { Scenario, TurnScore } from '../domain';
import { parseScenario } from '../scenarios/load-scenarios';
import { type RubricLibrary, rubricLibraryFromSnapshot } from '../scoring/rubric-library';
import { scoreAnswer } from '../scoring/score-answer';
import { type BundleAttempt, type Manifest, asScore, asTranscript } from './bundle-manifest';

/** A certification attempt's rule (pass mark, typed answers allowed), or null for practice. */
export type CertificationRule = { passMark: number; allowTyped: boolean; validDays?: number } | null;

/** Where the exact texts an attempt was scored with are found when the file does not carry them. */
export interface StoredTexts {
  scenarioContent(id: string, hash: string): string | undefined;
  rubricSnapshot(version: string): string | undefined;
  /** This computer's rubric library, used when it is the very version that scored an answer. */
  library(): RubricLibrary;
}

/**
 * Re-scores every answer in the file from its transcript, with the scenario version and the rubric
 * text it was scored with (scoring is deterministic), and refuses an answer whose checks do not
 * follow from its words: a file cannot claim a score, or a certification, the rep did not earn.
 * Model-graded checks cannot be re-run offline; a "yes" must at least quote the transcript, as
 * the app itself requires. Returns each attempt's certification rule, from its scenario version.
 */
export function checkScores(
  manifest: Manifest,
  stored: StoredTexts,
  reasons: string[],
): Map<string, CertificationRule> {
  const rules = new Map<string, CertificationRule>();
  // A version may come with several texts (the team store keeps every text pushed under it): the
  // one that parses to that very version counts; this computer's own copy first.
  const carried = new Map<string, string[]>();
  for (const r of manifest.rubrics) carried.set(r.version, [...(carried.get(r.version) ?? []), r.content]);
  const scenarios = new Map(manifest.scenarios.map((s) => [`${s.id}@${s.hash}`, s.content]));
  const libraries = new Map<string, RubricLibrary | null>();
  const library = (version: string) => {
    if (!libraries.has(version)) {
      const texts = [
        stored.rubricSnapshot(version),
        sameVersion(stored.library(), version),
        ...(carried.get(version) ?? []),
      ];
      let found: RubricLibrary | null = null;
      for (const text of texts) {
        if (text === undefined) continue;
        const lib = rubricLibraryFromSnapshot(text);
        if (lib.version === version) {
          found = lib;
          break;
        }
      }
      libraries.set(version, found);
    }
    return libraries.get(version)!;
  };
  // Many attempts of one file (a page pulled from the team store) share a scenario version: read it once.
  const scenariosRead = new Map<string, ReturnType<typeof parseScenario>>();
  const parsed = (
    id: string,
    hash: string,
    content: string,
    version: string | undefined,
    lib: RubricLibrary | null,
  ) => {
    const key = `${id}@${hash}#${version ?? ''}`;
    if (!scenariosRead.has(key))
      scenariosRead.set(key, parseScenario(content, `${id}@${hash.slice(0, 8)}`, new Set(lib?.criteria.keys() ?? [])));
    return scenariosRead.get(key)!;
  };
  for (const a of manifest.attempts) {
    const where = `attempt ${a.uuid}`;
    const content =
      scenarios.get(`${a.scenarioId}@${a.scenarioHash}`) ?? stored.scenarioContent(a.scenarioId, a.scenarioHash);
    if (content === undefined) continue; // reported by checkScenarios
    const versions = [...new Set(a.turns.flatMap((t) => (t.score ? [t.score.rubricVersion] : [])))];
    const lib = versions.length ? library(versions[0]!) : null;
    if (versions.length > 1) reasons.push(`${where}: its answers were scored with different rubrics`);
    for (const v of versions)
      if (!library(v)) reasons.push(`${where}: the rubric that scored it (${v}) is not in the file`);
    const { scenario, problems } = parsed(a.scenarioId, a.scenarioHash, content, versions[0], lib);
    if (!scenario) {
      const first = problems[0];
      reasons.push(
        `${where}: its scenario version does not read (${first ? `line ${first.line}: ${first.message}` : ''})`,
      );
      continue;
    }
    rules.set(a.uuid, scenario.certification ?? null);
    if (lib) for (const t of a.turns) checkTurn(where, t, scenario, lib, reasons);
  }
  return rules;
}

function checkTurn(
  where: string,
  t: BundleAttempt['turns'][number],
  scenario: Scenario,
  library: RubricLibrary,
  reasons: string[],
) {
  const answer = `${where}, answer ${t.index + 1}`;
  const turn = scenario.turns.find((s) => s.id === t.turnId);
  if (!turn) return reasons.push(`${answer}: its scenario version has no turn "${t.turnId}"`);
  const transcript = asTranscript(t.transcript);
  const score = asScore(t.score);
  if (!transcript || !score) {
    if (score) reasons.push(`${answer}: it has scores but no transcript to earn them`);
    return;
  }
  const truth = scoreAnswer({
    transcript,
    criteria: turn.criteria,
    library,
    typed: t.audio === null,
    competitors: scenario.competitors,
    judgeEnabled: false,
  });
  const claimed = new Map(score.criteria.map((c) => [c.id, c]));
  if (claimed.size !== truth.criteria.length || truth.criteria.some((c) => !claimed.has(c.id)))
    return reasons.push(`${answer}: it is not scored on the criteria its turn asks for`);
  for (const c of truth.criteria) {
    const checks = new Map(claimed.get(c.id)!.checks.map((k) => [k.id, k]));
    for (const k of c.checks) {
      const said = checks.get(k.id);
      if (k.judge) {
        if (said?.passed && !quotesTranscript(said, transcript.text))
          reasons.push(`${answer}: a model-graded "yes" for "${c.title}" does not quote the rep's words`);
      } else if (!said || said.passed !== k.passed) {
        reasons.push(
          `${answer}: "${c.title}" does not follow from the transcript (the file says ${verdict(said?.passed)} ` +
            `for "${k.label}", the words give ${verdict(k.passed)})`,
        );
      }
    }
  }
}

const sameVersion = (library: RubricLibrary, version: string) =>
  library.version === version ? library.snapshot : undefined;

const verdict = (passed: boolean | null | undefined) => (passed ? 'passed' : passed === false ? 'missed' : 'n/a');

function quotesTranscript(check: TurnScore['criteria'][number]['checks'][number], text: string): boolean {
  const lower = text.toLowerCase();
  return check.evidence.length > 0 && check.evidence.every((e) => lower.includes(e.text.toLowerCase()));
}
