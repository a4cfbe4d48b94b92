import type { Scenario, ScenarioTurn, TurnRecord } from '../domain';
import { analyzeText } from '../scoring/analyze';
import type { TechniqueId } from '../scoring/detectors/techniques';

const DEFAULT_END = { id: 'end', title: 'End of the role-play' };

/** The named end a target points at ("end" or "end:<id>"). */
export function endFor(scenario: Scenario, goto: string): { id: string; title: string } {
  const id = goto === 'end' ? 'end' : goto.slice('end:'.length);
  return scenario.ends.find((e) => e.id === id) ?? DEFAULT_END;
}

/** Does the stored answer meet a branch condition? A turn with no transcript meets none. */
function meets(when: NonNullable<ScenarioTurn['next']>[number]['when'], answer: TurnRecord): boolean {
  if (!when) return true;
  if (!answer.transcript) return false;
  if ('technique' in when)
    return analyzeText(answer.transcript.text).techniques[when.technique as TechniqueId]?.detected ?? false;
  const c = answer.score?.criteria.find((k) => k.id === when.criterion);
  const passed = c ? (c.override ? c.override.score >= (answer.score?.passMark ?? 80) : c.passed) : null;
  return passed === when.passed;
}

/** The target of a turn's branches for this answer: a turn id, or an end. Falls through in file order. */
export function nextTarget(scenario: Scenario, turnIndex: number, answer: TurnRecord): string {
  const turn = scenario.turns[turnIndex]!;
  const rule = turn.next?.find((b) => meets(b.when, answer));
  if (rule) return rule.goto;
  return scenario.turns[turnIndex + 1]?.id ?? 'end';
}

/**
 * Does what the rep says at this turn decide where the role-play goes? Not when the turn has no
 * branches, or its first branch applies whatever the answer (no condition).
 */
export function answerDecidesWayOn(scenario: Pick<Scenario, 'turns'>, turnIndex: number): boolean {
  const rules = scenario.turns[turnIndex]?.next ?? [];
  return rules.length > 0 && rules[0]!.when !== undefined && rules[0]!.when !== null;
}

/** A branch as drawn in the preview: from a turn to a turn id, "end" or "end:<id>", and why. */
export interface TurnEdge {
  from: string;
  to: string;
  label: string;
}

function describeWhen(when: NonNullable<ScenarioTurn['next']>[number]['when']): string {
  if (!when) return 'otherwise';
  if ('technique' in when) return `uses ${when.technique}`;
  return `${when.criterion} ${when.passed ? 'passed' : 'failed'}`;
}

/** Every way out of every turn, in the order they are tried: its branches, then the fall-through to the next turn. */
export function turnEdges(scenario: Pick<Scenario, 'turns'>): TurnEdge[] {
  return scenario.turns.flatMap((turn, i) => {
    const branches = (turn.next ?? []).map((b) => ({ from: turn.id, to: b.goto, label: describeWhen(b.when) }));
    const fallthrough = !turn.next?.some((b) => !b.when);
    const next = scenario.turns[i + 1]?.id ?? 'end';
    return fallthrough
      ? [...branches, { from: turn.id, to: next, label: branches.length ? 'otherwise' : '' }]
      : branches;
  });
}

/** Problems in the turn graph: unknown targets, unreachable turns, and turns from which no end can be reached. */
export function graphProblems(scenario: Pick<Scenario, 'turns' | 'ends'>): { path: PropertyKey[]; message: string }[] {
  const problems: { path: PropertyKey[]; message: string }[] = [];
  const ids = new Map(scenario.turns.map((t, i) => [t.id, i] as const));
  const ends = new Set(scenario.ends.map((e) => e.id));
  const edges: number[][] = scenario.turns.map(() => []);
  const reachesEnd = new Set<number>();
  const allEdges = turnEdges(scenario);
  scenario.turns.forEach((turn, i) => {
    const targets = allEdges.filter((e) => e.from === turn.id).map((e) => e.to);
    (turn.next ?? []).forEach((b, k) => {
      if (b.goto.startsWith('end:') && !ends.has(b.goto.slice(4))) {
        problems.push({
          path: ['turns', i, 'next', k, 'goto'],
          message: `no end called "${b.goto.slice(4)}"; declare ` + `it under ends: or use "end"`,
        });
      } else if (b.goto !== 'end' && !b.goto.startsWith('end:') && !ids.has(b.goto)) {
        problems.push({
          path: ['turns', i, 'next', k, 'goto'],
          message: `no turn called "${b.goto}" in this ` + `scenario`,
        });
      }
    });
    for (const t of targets) {
      // An unknown target is already reported: counting it as an exit avoids a second, misleading message.
      if (t === 'end' || t.startsWith('end:') || !ids.has(t)) reachesEnd.add(i);
      else edges[i]!.push(ids.get(t)!);
    }
  });
  // Reachable from the first turn.
  const seen = new Set([0]);
  const queue = [0];
  while (queue.length) {
    for (const n of edges[queue.shift()!]!) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  scenario.turns.forEach((t, i) => {
    if (!seen.has(i))
      problems.push({
        path: ['turns', i, 'id'],
        message: `turn "${t.id}" can never be reached from ` + `the first turn; add a branch to it or remove it`,
      });
  });
  // Turns that can reach an end (walking edges backwards from the turns that end).
  const canEnd = new Set(reachesEnd);
  let grew = true;
  while (grew) {
    grew = false;
    edges.forEach((out, i) => {
      if (canEnd.has(i) || !out.some((n) => canEnd.has(n))) return;
      canEnd.add(i);
      grew = true;
    });
  }
  scenario.turns.forEach((t, i) => {
    if (seen.has(i) && !canEnd.has(i))
      problems.push({
        path: ['turns', i, 'id'],
        message: `from turn "${t.id}" every ` + `path loops forever; give the loop a way out to another turn or an end`,
      });
  });
  return problems;
}

/**
 * From each turn, how many turns are left to answer (itself included) on the shortest and the
 * longest way to an end: "Turn 2 of 4" (or "of 3-4" where branches differ). Cycles are counted once.
 */
export function turnsToEnd(scenario: Pick<Scenario, 'turns'>): Record<string, { min: number; max: number }> {
  const out = new Map<string, { min: number; max: number }>();
  const exits = new Map<string, string[]>();
  for (const e of turnEdges(scenario)) exits.set(e.from, [...(exits.get(e.from) ?? []), e.to]);
  const visit = (id: string, seen: Set<string>): { min: number; max: number } => {
    if (id === 'end' || id.startsWith('end:')) return { min: 0, max: 0 };
    const known = out.get(id);
    if (known) return known;
    if (seen.has(id)) return { min: 0, max: 0 };
    seen.add(id);
    const next = (exits.get(id) ?? ['end']).map((to) => visit(to, seen));
    seen.delete(id);
    const result = { min: 1 + Math.min(...next.map((n) => n.min)), max: 1 + Math.max(...next.map((n) => n.max)) };
    out.set(id, result);
    return result;
  };
  for (const t of scenario.turns) visit(t.id, new Set());
  return Object.fromEntries(out);
}
