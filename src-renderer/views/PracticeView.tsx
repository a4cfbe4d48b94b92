import { useEffect, useState } from 'react';
import type { Scenario, ScenarioListing } from '../../src-main/core/domain';
import { api } from '../api';
import { PracticeSession } from './PracticeSession';

/** Pick a scenario, then practise it. Invalid scenario files are listed with their problems. */
export function PracticeView() {
  const [listing, setListing] = useState<ScenarioListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<{ attemptId: number; scenario: Scenario } | null>(null);

  useEffect(() => {
    api.scenarios.list().then(setListing, (e: Error) => setError(e.message));
  }, []);

  if (active) return <PracticeSession key={active.attemptId} attemptId={active.attemptId} scenario={active.scenario} onExit={() => setActive(null)} />;
  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!listing) return <p className="muted">Loading scenarios…</p>;

  const start = async (id: string) => {
    try {
      setActive(await api.attempts.start({ scenarioId: id }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="picker">
      <h2>Choose a scenario</h2>
      {listing.valid.length === 0 && <p className="empty">No scenarios found. Put scenario files in the scenarios folder of your data directory.</p>}
      <ul className="cards">
        {listing.valid.map((s) => (
          <li key={s.id} className="card">
            <h3>{s.title}</h3>
            <p>{s.description}</p>
            <p className="muted">
              {s.persona.name}, {s.persona.role} at {s.persona.company} · {s.turns.length} turn{s.turns.length === 1 ? '' : 's'}
            </p>
            <button className="primary" onClick={() => void start(s.id)} data-testid={`start-${s.id}`}>
              Practise
            </button>
          </li>
        ))}
      </ul>
      {listing.invalid.length > 0 && (
        <div className="invalid">
          <h3>Scenario files with problems</h3>
          <ul>
            {listing.invalid.map((f) => (
              <li key={f.file} data-testid="invalid-scenario">
                <code>{f.file}</code>
                <ul>
                  {f.problems.map((p, i) => (
                    <li key={i}>
                      line {p.line}, column {p.col}: {p.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
