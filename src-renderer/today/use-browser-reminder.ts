import { useEffect } from 'react';
import { api } from '../api';

/**
 * Under the browser bridge the page shows the daily reminder (the Notification API); in the app,
 * the main process does (electron/daily-reminder.ts), so the page stays quiet there. Core decides
 * when it is due and records the day: never twice in one day, whoever asks.
 */
export function useBrowserReminder() {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    void api.app.info({}).then((info) => {
      if (info.transport !== 'web' || !window.Notification) return;
      const check = async () => {
        if (Notification.permission !== 'granted') return;
        const r = await api.plan.reminderDue({});
        if (r.due) new Notification(r.title, { body: r.body });
        // A readiness signal for tests (and a clue when debugging): the page has asked at least once.
        document.documentElement.dataset.reminderChecked = 'yes';
      };
      void check();
      timer = setInterval(() => void check(), 60_000);
    });
    return () => clearInterval(timer);
  }, []);
}
