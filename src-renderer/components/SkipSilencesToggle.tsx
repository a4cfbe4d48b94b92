import { useState } from 'react';
import { setSkipSilences, skipsSilences } from './use-review-keys';

/** Beside the playback speed: jump over the pauses of 1 s or more between words while an answer plays. */
export function SkipSilencesToggle() {
  const [on, setOn] = useState(skipsSilences);
  return (
    <label title="While an answer plays, jump over the pauses of 1 s or more between its words">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          setSkipSilences(e.target.checked);
          setOn(e.target.checked);
        }}
        data-testid="skip-silences"
      />{' '}
      Skip silences
    </label>
  );
}
