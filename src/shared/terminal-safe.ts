/**
 * Control characters a document or a file name may hold, shown rather than
 * obeyed: printed raw, `ESC]0;…` retitles the terminal, `ESC[2J` clears it
 * and a newline in a file name forges a report line. Tabs and, in text, line
 * breaks are kept.
 */
const CONTROLS_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
const CONTROLS_IN_NAME = /[\u0000-\u001F\u007F-\u009F]/gu;

/** Caret notation (`^[` for ESC, `^J` for a line feed, `^?` for DEL), or `\x9b` for a C1 control. */
function show(character: string): string {
  const code = character.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `\\x${code.toString(16)}`;
}

/** Text for the terminal: line breaks (CRLF read as one) and tabs stay, other controls are shown. */
export function terminalSafeText(text: string): string {
  return text.replace(/\r\n/gu, '\n').replace(CONTROLS_IN_TEXT, show);
}

/** A file name for one line of the terminal: every control character is shown. */
export function terminalSafeName(name: string): string {
  return name.replace(CONTROLS_IN_NAME, show);
}
