import { useEffect, useState } from 'react';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApp } from '../store';

/**
 * Settings → Practice: the rep's weekly goal in minutes, and an opt-in daily reminder at a time
 * they choose (a desktop notification; never more than one a day, none once today's plan is done).
 */
export function PracticeSettings() {
  const showToast = useApp((s) => s.showToast);
  const [goal, setGoal] = useState('');
  const [reminder, setReminder] = useState<string | null>(null);
  const [time, setTime] = useState('09:00');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // What the rep already typed is never replaced by the value arriving late.
    api.plan.today({}).then(
      (t) => setGoal((typed) => typed || String(t.week.goalMinutes)),
      (e: Error) => setError(e.message),
    );
    api.plan.reminderSettings({}).then((r) => {
      setReminder(r.reminderTime);
      if (r.reminderTime) setTime(r.reminderTime);
    });
  }, []);

  const saveGoal = async () => {
    setError(null);
    try {
      const t = await api.plan.setWeekGoal({ minutes: Number(goal) });
      showToast({ message: `Your weekly goal is ${t.week.goalMinutes} minutes.` });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const turnReminder = async (on: boolean, at = time) => {
    setError(null);
    try {
      // In a browser the page shows the notification, so it needs the browser's permission first.
      if (on && window.Notification && Notification.permission !== 'granted') {
        const answer = await Notification.requestPermission();
        if (answer !== 'granted')
          return setError('The browser did not allow notifications: allow them for this page, then turn this on.');
      }
      const r = await api.plan.setReminder({ time: on ? at : null });
      setReminder(r.reminderTime);
      showToast({ message: r.reminderTime ? `A reminder each day at ${r.reminderTime}.` : 'Reminders are off.' });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="practice-settings" aria-labelledby="practice-settings-title" data-testid="practice-settings">
      <h2 id="practice-settings-title">Practice</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveGoal();
        }}
      >
        <label htmlFor="week-goal">Weekly goal (minutes)</label>
        <input
          id="week-goal"
          type="number"
          min={10}
          max={1200}
          step={5}
          value={goal}
          onChange={(e) => setGoal(e.target.value)}
          data-testid="week-goal"
        />
        <button type="submit" data-testid="save-week-goal">
          Save goal
        </button>
      </form>
      <div className="inline-form">
        <input
          id="reminder-on"
          type="checkbox"
          checked={reminder !== null}
          onChange={(e) => void turnReminder(e.target.checked)}
          data-testid="reminder-on"
        />
        <label htmlFor="reminder-on">Remind me to practise each day at</label>
        <input
          type="time"
          aria-label="Reminder time"
          value={time}
          onChange={(e) => {
            setTime(e.target.value);
            if (reminder !== null && e.target.value) void turnReminder(true, e.target.value);
          }}
          data-testid="reminder-time"
        />
      </div>
      <p className="muted small">
        One notification a day at most, and none once today’s plan is done. Off unless you turn it on.
      </p>
      <ErrorBanner message={error} testId="practice-settings-error" />
    </section>
  );
}
