import type { CheckResult, CriterionScore, TurnScore } from '../../src-main/core/domain';
import { DeliveryPanel } from './DeliveryPanel';

const mark = (c: CheckResult) => (c.passed === null ? '–' : c.passed ? '✓' : '✗');

function Criterion({ c, onSeek }: { c: CriterionScore; onSeek?: (seconds: number) => void }) {
  const shown = c.override?.score ?? c.score;
  return (
    <li className={c.passed === null ? 'na' : c.passed ? 'pass' : 'fail'} data-testid={`criterion-${c.id}`}>
      <div className="criterion-head">
        <strong title={c.help}>{c.title}</strong>
        <span className="criterion-score" data-testid="criterion-score">
          {shown === null ? 'not scored' : shown}
          {c.override && <span className="override-badge" title={`Automatic score ${c.score}. ${c.override.author}: ${c.override.reason}`}> (reviewed)</span>}
        </span>
      </div>
      <div className="explanation">{c.explanation}</div>
      <ul className="checks" aria-label="Checks">
        {c.checks.map((k) => (
          <li key={k.id} className={k.passed === null ? 'na' : k.passed ? 'pass' : 'fail'} data-testid="check">
            <span className="check-mark" aria-hidden>{mark(k)}</span> {k.label} <span className="muted">— {k.detail}</span>
          </li>
        ))}
      </ul>
      {c.evidence.length > 0 && (
        <ul className="evidence" aria-label="Evidence">
          {c.evidence.map((e, i) => (
            <li key={i}>
              <button
                className="link"
                onClick={() => e.audioStart !== undefined && onSeek?.(e.audioStart)}
                disabled={e.audioStart === undefined || !onSeek}
                data-testid="evidence"
                data-audio-start={e.audioStart}
                title={e.audioStart !== undefined ? 'Play from here' : undefined}
              >
                “{e.text}”{e.audioStart !== undefined ? ` · ${e.audioStart.toFixed(1)} s` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {c.passed === false && <div className="tip">Tip: {c.tip}</div>}
    </li>
  );
}

/** Each criterion: its score, its checks, the words that earned it, and a tip; then delivery. */
export function TurnScoreCard({ score, onSeek }: { score: TurnScore; onSeek?: (seconds: number) => void }) {
  return (
    <div className="scores" data-testid="scores">
      <div className={`overall ${score.passed ? 'pass' : 'fail'}`}>
        <span className="overall-number" data-testid="overall-score">{score.overall}</span>
        <span> / 100 · pass mark {score.passMark}</span>
      </div>
      <ul>
        {score.criteria.map((c) => (
          <Criterion key={c.id} c={c} onSeek={onSeek} />
        ))}
      </ul>
      <DeliveryPanel delivery={score.delivery} />
      <p className="muted small">Scored with rubric {score.rubricVersion}.</p>
    </div>
  );
}
