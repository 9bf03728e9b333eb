/** Whether a key press asks to undo or redo: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl/Cmd+Y. */
export function isUndoKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * The class React Flow reads to leave a key alone (its key handlers skip any target inside `.nokey`).
 * Every text editor that is not an `input`/`textarea` (Monaco types into a `div` with Chromium's
 * EditContext) carries it, so Space does not pan, Delete does not remove the selected step and
 * Ctrl+Z undoes the text, not the canvas.
 */
export const TEXT_EDITOR_CLASS = 'nokey';

/** Whether a key press lands in something the user types text into: then canvas and editor shortcuts keep off. */
export function isTextEntry(target: EventTarget | null): boolean {
  const el = target as (HTMLElement & { editContext?: unknown }) | null;
  if (!el || typeof el.closest !== 'function') return false;
  if (el.isContentEditable || el.editContext) return true;
  return !!el.closest(
    `input, textarea, select, [contenteditable]:not([contenteditable="false"]), .monaco-editor, .${TEXT_EDITOR_CLASS}`,
  );
}
