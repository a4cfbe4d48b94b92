import { useEffect, useState } from 'react';

export interface ToastMessage {
  message: string;
  undo?: () => void;
}

// Long enough to read the message and reach Undo.
const TOAST_MS = 8000;

/** The one toast on show, which goes by itself after a while; a new toast restarts the clock. */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  return [toast, setToast] as const;
}
