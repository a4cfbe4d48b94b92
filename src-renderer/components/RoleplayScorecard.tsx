import type { RoleplaySummary } from '../../src-main/core/domain';

/** The whole role-play at a glance: score, delivery against targets, and one challenge for next time. */
export function RoleplayScorecard({ summary: s }: { summary: RoleplaySummary }) {
  return (
    <section className="scorecard" data-testid="roleplay-scorecard">
      <div className={`overall ${s.overall >= s.passMark ? 'pass' : 'fail'}`}>
        <span className="overall-number">{s.overall}</span>
        <span> / 100 · pass mark {s.passMark}</span>
      </div>
      <table className="delivery">
        <tbody>
          <tr>
            <th scope="row">Your talk share</th>
            <td>{s.talkSharePercent === null ? 'not available' : `${s.talkSharePercent}%`}</td>
            <td className="muted small">about 43% is typical of strong calls; over 65% hurts</td>
          </tr>
          <tr>
            <th scope="row">Pace</th>
            <td>{s.wordsPerMinute === null ? 'not available' : `${s.wordsPerMinute} words/min`}</td>
            <td className="muted small">140–160 comfortable</td>
          </tr>
          <tr>
            <th scope="row">Fillers</th>
            <td>{s.fillersPer100} per 100 words</td>
            <td className="muted small">under 4 per 100 words</td>
          </tr>
          <tr>
            <th scope="row">Longest stretch</th>
            <td>{s.longestMonologueSeconds === null ? 'not available' : `${s.longestMonologueSeconds} s`}</td>
            <td className="muted small">without a 2 s pause</td>
          </tr>
        </tbody>
      </table>
      {s.challenge ? (
        <div className="challenge" data-testid="challenge">
          <strong>Your challenge for next time: {s.challenge.title.toLowerCase()}</strong>
          {` (scored ${s.challenge.score}). `}
          {s.challenge.tip}
        </div>
      ) : (
        <div className="challenge">Every criterion reached the pass mark. Try a harder scenario next.</div>
      )}
    </section>
  );
}
