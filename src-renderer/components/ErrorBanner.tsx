/** A failure the user should read now: announced to screen readers (role=alert), nothing when there is none. */
export function ErrorBanner({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <div className="banner error" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}
