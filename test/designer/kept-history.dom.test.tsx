/**
 * The undo history kept across a reload (sessionStorage): taken back only
 * when the draft stands where it stood, dropped when it does not or when
 * what is stored is not a history, shortened when the storage is full.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCommandStack } from '../../designer/model/commands.js';
import { canonical, KEEP, keepHistory, keptHistory } from '../../designer/model/kept-history.js';
import type { Process } from '../../runtime/model/index.js';
import { fixtureProcess } from '../helpers/fixtures.js';

const def = () => fixtureProcess('ophalen') as Process;
const titled = (d: Process, nl: string): Process => ({ ...d, title: { nl, en: nl } });

afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
});

describe('the undo history across a reload', () => {
  it('comes back when the draft is where it stood, with undo and redo', () => {
    const stack = createCommandStack(def());
    stack.execute('titel', titled(def(), 'Een'));
    stack.execute('titel', titled(def(), 'Twee'));
    stack.undo();
    keepHistory('ophalen', stack);
    // The server's copy has its keys in another order: still the same draft.
    const server = JSON.parse(canonical(titled(def(), 'Een'))) as Process;
    const kept = keptHistory('ophalen', server)!;
    const again = createCommandStack(server, undefined, kept);
    expect(again.current()).toBe(server);
    expect(again.labels()).toEqual({ undo: 'titel', redo: 'titel' });
    again.redo();
    expect(again.current().title).toEqual({ nl: 'Twee', en: 'Twee' });
    again.undo();
    again.undo();
    expect(again.current().title).toEqual(def().title);
  });

  it('is dropped when the draft changed meanwhile, or when what is stored is not a history', () => {
    const stack = createCommandStack(def());
    stack.execute('titel', titled(def(), 'Een'));
    keepHistory('ophalen', stack);
    expect(keptHistory('ophalen', titled(def(), 'Iemand anders'))).toBeUndefined();
    expect(sessionStorage.length).toBe(0);
    for (const junk of ['{', '[]', '{"past":[1],"present":{"label":"x","def":{}},"future":[]}', 'null']) {
      sessionStorage.setItem('omslag.ontwerp.geschiedenis.ophalen', junk);
      expect(keptHistory('ophalen', def()), junk).toBeUndefined();
    }
  });

  it(`keeps at most ${KEEP} steps, and fewer when the storage is full`, () => {
    const stack = createCommandStack(def());
    for (let i = 0; i < KEEP + 20; i++) stack.execute('titel', titled(def(), `T${i}`));
    keepHistory('ophalen', stack);
    expect(keptHistory('ophalen', stack.current())!.past).toHaveLength(KEEP);
    const real = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, k: string, v: string) {
      if (v.length > 20_000) throw new DOMException('full', 'QuotaExceededError');
      real.call(this, k, v);
    });
    keepHistory('ophalen', stack);
    const past = keptHistory('ophalen', stack.current())!.past;
    expect(past.length).toBeGreaterThan(0);
    expect(past.length).toBeLessThan(KEEP);
    expect(past.at(-1)!.def.title).toEqual({ nl: `T${KEEP + 18}`, en: `T${KEEP + 18}` });
  });
});
