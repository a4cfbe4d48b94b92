import type { TurnScore } from '../../src-main/core/domain';

/** Each criterion: its score, why, the words that earned it, and a tip. */
export function TurnScoreCard({ score, onSeek }: { score: TurnScore; onSeek?: (seconds: number) => void }) {
  return (
    <div className="scores" data-testid="scores">
      <div className={`overall ${score.overall >= score.passMark ? 'pass' : 'fail'}`}>
        <span className="overall-number" data-testid="overall-score">{score.overall}</span>
        <span> / 100 · pass mark {score.passMark}</span>
      </div>
      <ul>
        {score.criteria.map((c) => (
          <li key={c.id} className={c.passed ? 'pass' : 'fail'} data-testid={`criterion-${c.id}`}>
            <div className="criterion-head">
              <strong>{c.title}</strong>
              <span className="criterion-score">{c.score}</span>
            </div>
            <div className="explanation">{c.explanation}</div>
            {c.evidence.length > 0 && (
              <ul className="evidence">
                {c.evidence.map((e, i) => (
                  <li key={i}>
                    <button className="link" onClick={() => e.audioStart !== undefined && onSeek?.(e.audioStart)} disabled={e.audioStart === undefined || !onSeek}>
                      “{e.text}”{e.audioStart !== undefined ? ` · ${e.audioStart.toFixed(1)} s` : ''}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {!c.passed && <div className="tip">Tip: {c.tip}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
