/**
 * A problem that stops the hub from starting: a bad option, a busy port, an unusable data
 * folder, a state file from a newer Hearth. The CLI prints its message as one line on stderr
 * and exits with code 2; the desktop app shows it in a dialog.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
