/**
 * Seconds as a clock: `m:ss`, or `h:mm:ss` from an hour on.
 *
 * @example
 * formatDuration(5.4) // → '0:05'
 * formatDuration(3725) // → '1:02:05'
 */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  if (hours === 0) return `${minutes}:${rest}`;
  return `${hours}:${String(minutes).padStart(2, '0')}:${rest}`;
}
