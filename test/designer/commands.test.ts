import { describe, expect, it } from 'vitest';
import { createCommandStack } from '../../designer/model/commands.js';
import type { Process } from '../../runtime/model/index.js';

const v = (title: string) => ({ key: 'p', title, start: '', steps: {} }) as unknown as Process;

describe('command stack', () => {
  it('undoes and redoes every edit, forgets the redo branch on a new edit, and tracks unsaved changes', () => {
    const a = v('a');
    const stack = createCommandStack(a);
    let calls = 0;
    stack.subscribe(() => calls++);
    expect(stack.isDirty()).toBe(false);
    stack.execute('rename b', v('b'));
    stack.execute('rename c', v('c'));
    expect(stack.current().title).toBe('c');
    expect(stack.labels()).toEqual({ undo: 'rename c', redo: null });
    expect(stack.isDirty()).toBe(true);
    stack.undo();
    expect(stack.current().title).toBe('b');
    expect(stack.labels()).toEqual({ undo: 'rename b', redo: 'rename c' });
    stack.undo();
    expect(stack.current()).toBe(a);
    expect(stack.isDirty()).toBe(false);
    expect(stack.canUndo()).toBe(false);
    stack.undo(); // nothing to undo: no change
    expect(stack.current()).toBe(a);
    stack.redo();
    expect(stack.current().title).toBe('b');
    stack.markSaved();
    expect(stack.isDirty()).toBe(false);
    stack.execute('rename d', v('d'));
    expect(stack.canRedo()).toBe(false);
    expect(calls).toBe(7);
  });

  it('ignores an edit that changes nothing, keeps at most `limit` steps, and resets on open', () => {
    const stack = createCommandStack(v('0'), 3);
    stack.execute('same', stack.current());
    expect(stack.canUndo()).toBe(false);
    for (let i = 1; i <= 5; i++) stack.execute(`e${i}`, v(String(i)));
    stack.undo();
    stack.undo();
    stack.undo();
    expect(stack.current().title).toBe('2');
    expect(stack.canUndo()).toBe(false);
    stack.reset(v('x'));
    expect(stack.canUndo() || stack.canRedo() || stack.isDirty()).toBe(false);
  });
});
