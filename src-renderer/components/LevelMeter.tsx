/** A horizontal bar that shows the microphone is live. */
export function LevelMeter({ level }: { level: number }) {
  const pct = Math.round(level * 100);
  return (
    <div
      className="meter"
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      data-testid="level-meter"
      data-level={pct}
    >
      <div className="meter-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
