import { useEffect, useState } from 'react';
import type { Scenario, ScenarioListing } from '../../src-main/core/domain';
import { api } from '../api';
import { PracticeSession } from '../practice/PracticeSession';
import { ResumeList } from '../practice/ResumeList';
import { openAttempt, resumeAttempt } from '../practice/start-session';
import { usePractice } from '../practice/practice-store';
import { skillsOf } from '../library-skills';
import { useApp } from '../store';
import { ErrorBanner } from '../components/ErrorBanner';
import { TodayPanel } from '../today/TodayPanel';

/**
 * Pick a scenario (or pick up a role-play that was left), then practise it. Invalid scenario files are listed with
 * their problems.
 */
export function PracticeView({
  startScenarioId,
  resumeAttemptId,
}: { startScenarioId?: string; resumeAttemptId?: number } = {}) {
  const go = useApp((s) => s.go);
  const session = usePractice((s) => s.session);
  const [listing, setListing] = useState<ScenarioListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [skill, setSkill] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [maxMinutes, setMaxMinutes] = useState(0);

  useEffect(() => {
    api.scenarios.list().then(setListing, (e: Error) => setError(e.message));
  }, []);

  // "Try it" from the designer (a fresh attempt), or "Resume" from the history (the step it stopped at).
  useEffect(() => {
    if (startScenarioId) openAttempt(startScenarioId).catch((e: Error) => setError(e.message));
    else if (resumeAttemptId) resumeAttempt(resumeAttemptId).catch((e: Error) => setError(e.message));
  }, [startScenarioId, resumeAttemptId]);
  // Going elsewhere ends the session on screen (the leave dialog has already run by then).
  useEffect(() => () => usePractice.getState().close(), []);

  const exit = () => {
    usePractice.getState().close();
    if (startScenarioId || resumeAttemptId) go({ name: 'practice' });
  };
  if (session) return <PracticeSession key={session.attemptId} onExit={exit} />;
  if (error) return <ErrorBanner message={error} />;
  if (!listing) return <p className="muted">Loading scenarios…</p>;

  const start = (id: string) => openAttempt(id).catch((e: Error) => setError(e.message));

  const skills = skillsOf(listing.valid);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = listing.valid.filter(
    (s) =>
      (!skill || s.skills.includes(skill)) &&
      (!difficulty || s.difficulty === difficulty) &&
      (!maxMinutes || s.minutes <= maxMinutes) &&
      words.every((w) =>
        `${s.title} ${s.description} ${s.persona.name} ${s.persona.role} ${s.skills.join(' ')}`
          .toLowerCase()
          .includes(w),
      ),
  );
  const clear = () => {
    setQuery('');
    setSkill('');
    setDifficulty('');
    setMaxMinutes(0);
  };

  const card = (s: Scenario) => (
    <li key={s.id} className="card">
      <h3>
        {s.title}{' '}
        {s.certification && (
          <span className="badge cert" title={`Pass mark ${s.certification.passMark}`}>
            Certification
          </span>
        )}
      </h3>
      <p>{s.description}</p>
      <p className="tags">
        {s.skills.map((k) => (
          <span key={k} className="badge">
            {k.replace(/-/g, ' ')}
          </span>
        ))}
        <span className="muted small">
          {' '}
          {s.difficulty} · about {s.minutes} min
        </span>
      </p>
      <p className="muted">
        {s.persona.name}, {s.persona.role} at {s.persona.company} · {s.turns.length} turn
        {s.turns.length === 1 ? '' : 's'}
      </p>
      <button className="primary" onClick={() => void start(s.id)} data-testid={`start-${s.id}`}>
        Practise
      </button>
    </li>
  );
  const drills = listing.valid.filter((s) => s.kind === 'drill');
  const shownScenarios = shown.filter((s) => s.kind !== 'drill');
  // With nothing matching, every drill is offered: the empty state points to them.
  const drillsShown = shown.length === 0 ? drills : shown.filter((s) => s.kind === 'drill');

  return (
    <div className="picker">
      <TodayPanel onStart={(id) => void start(id)} />
      <ResumeList />
      <h2>Choose a scenario</h2>
      {listing.valid.length > 0 && (
        <div className="filters" role="search">
          <input
            type="search"
            placeholder="Search scenarios"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-label="Search scenarios"
            data-testid="scenario-search"
          />
          <select
            value={skill}
            onChange={(e) => setSkill(e.target.value)}
            aria-label="Skill"
            data-testid="filter-skill"
          >
            <option value="">Any skill</option>
            {skills.map((k) => (
              <option key={k} value={k}>
                {k.replace(/-/g, ' ')}
              </option>
            ))}
          </select>
          <select value={difficulty} onChange={(e) => setDifficulty(e.target.value)} aria-label="Difficulty">
            <option value="">Any difficulty</option>
            <option value="beginner">Beginner</option>
            <option value="intermediate">Intermediate</option>
            <option value="advanced">Advanced</option>
          </select>
          <select value={maxMinutes} onChange={(e) => setMaxMinutes(Number(e.target.value))} aria-label="Length">
            <option value={0}>Any length</option>
            <option value={3}>Up to 3 min</option>
            <option value={5}>Up to 5 min</option>
            <option value={10}>Up to 10 min</option>
          </select>
        </div>
      )}
      {listing.valid.length === 0 && (
        <p className="empty">No scenarios found. Put scenario files in the scenarios folder of your data directory.</p>
      )}
      {listing.valid.length > 0 && shown.length === 0 && (
        <div className="empty" data-testid="no-match">
          <p>No scenario matches these filters.</p>
          <button onClick={clear}>Clear filters</button>
          {drills.length > 0 && <p>Short on time? Try a 3-minute daily drill below.</p>}
        </div>
      )}
      {shownScenarios.length > 0 && <h3 className="section">Role-plays</h3>}
      <ul className="cards">{shownScenarios.map((s) => card(s))}</ul>
      {drillsShown.length > 0 && (
        <>
          <h3 className="section" data-testid="drills-heading">
            Daily drills <span className="muted small">one skill, about 3 minutes</span>
          </h3>
          <ul className="cards">{drillsShown.map((s) => card(s))}</ul>
        </>
      )}
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
