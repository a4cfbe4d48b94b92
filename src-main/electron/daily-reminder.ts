import { type BrowserWindow, Notification } from 'electron';
import type { Core } from '../core';

/**
 * The opt-in daily reminder as a desktop notification: checked each minute; core decides whether
 * it is due (on, its time reached, today's plan not done, not shown today) and records that it was
 * shown, so it never comes twice in a day. Clicking it brings the window forward on Today.
 */
export function startDailyReminder(core: Core, window: BrowserWindow): () => void {
  // Kept referenced: a notification collected by the garbage collector loses its click handler.
  let shown: Notification | null = null;
  const check = () => {
    try {
      if (!Notification.isSupported() || window.isDestroyed()) return;
      const reminder = core.plan.reminderDue();
      if (!reminder.due) return;
      shown = new Notification({ title: reminder.title, body: reminder.body });
      shown.on('click', () => {
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
      });
      shown.show();
    } catch (error) {
      // A reminder is never worth a crash: try again next minute.
      console.error('Sparring: the daily reminder check failed:', error);
    }
  };
  const timer = setInterval(check, 60_000);
  check();
  return () => clearInterval(timer);
}
