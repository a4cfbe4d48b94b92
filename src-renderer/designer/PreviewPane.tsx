import type { Scenario, ScenarioCheck } from '../../src-main/core/domain';
import { TurnGraph } from '../components/TurnGraph';

interface Props {
  scenario: Scenario;
  edges: ScenarioCheck['edges'];
  /** Why buyer lines are not heard as expected, if they are not. */
  voiceNote: string | null;
  onPlay(scenarioId: string, turnId: string, line: string, voice?: string): void;
}

/** What a rep will meet: the buyer, each line the buyer says (playable), and how the turns branch. */
export function PreviewPane({ scenario, edges, voiceNote, onPlay }: Props) {
  const { persona } = scenario;
  return (
    <div className="preview" data-testid="preview">
      <section>
        <h3>{persona.name}</h3>
        <p className="muted">
          {persona.role} at {persona.company}
        </p>
        {persona.personality && <p>{persona.personality}</p>}
        {persona.caresAbout && <p>Cares about: {persona.caresAbout}</p>}
        <h4>Buyer lines</h4>
        {voiceNote && <p className="muted small">{voiceNote}</p>}
        <ol className="lines">
          {scenario.turns.map((t) => (
            <li key={t.id}>
              <button
                className="link"
                onClick={() => onPlay(scenario.id, t.id, t.buyer, t.voice ?? persona.voice)}
                aria-label={`Play the line of turn ${t.id}`}
                data-testid="play-line"
              >
                ▶
              </button>{' '}
              <strong>{t.id}</strong>: {t.buyer} {t.audio && <span className="badge">clip: {t.audio}</span>}{' '}
              <span className="muted small">({t.criteria.map((c) => c.id).join(', ')})</span>
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h3>Turn graph</h3>
        <TurnGraph scenario={scenario} edges={edges} />
      </section>
    </div>
  );
}
