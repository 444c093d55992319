/**
 * Ink reads `CI` / `CONTINUOUS_INTEGRATION` once, when it is first imported,
 * and in "CI mode" draws nothing until the app exits. The chat only opens on a
 * real terminal, where a user who happens to export `CI` (or a CI job that
 * drives a pty) would otherwise stare at an empty screen. So the chat drops
 * those variables from its own process before Ink loads.
 */
export function leaveInkCiMode(env: NodeJS.ProcessEnv): void {
  delete env['CI'];
  delete env['CONTINUOUS_INTEGRATION'];
}
