import type { DeliveryMetrics } from '../../src-main/core/domain';

/** Reference numbers shown beside each metric (from field research; the rubric library uses the same). */
const TARGETS = {
  pace: '140–160 comfortable; under 110 or over 190 is a problem',
  fillers: 'under 4 per 100 words',
  hedges: 'at most 2 per 100 words',
  latency: 'about 1.5 s before answering an objection reads as composure',
};

/** Delivery metrics computed from word timings, each against its target. */
export function DeliveryPanel({ delivery: d }: { delivery: DeliveryMetrics }) {
  const na = d.typed ? 'not available (typed)' : 'not available';
  const rows: [string, string, string][] = [
    ['Pace', d.wordsPerMinute === null ? na : `${d.wordsPerMinute} words/min`, TARGETS.pace],
    ['Fillers', `${d.fillersPer100} per 100 words`, TARGETS.fillers],
    ['Hedges', `${d.hedgesPer100} per 100 words`, TARGETS.hedges],
    ['Before first word', d.responseLatencySeconds === null ? na : `${d.responseLatencySeconds} s`, TARGETS.latency],
    ['Pauses over 1 s', d.pauseCount === null ? na : `${d.pauseCount} (longest ${d.longestPauseSeconds} s)`, ''],
    ['Longest stretch', d.longestMonologueSeconds === null ? na : `${d.longestMonologueSeconds} s`, ''],
  ];
  return (
    <table className="delivery" data-testid="delivery">
      <caption>Delivery ({d.wordCount} words)</caption>
      <tbody>
        {rows.map(([name, value, target]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
            <td className="muted small">{target}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
