// The one door to Monaco: a dynamic import, so it is its own chunk and the
// designer's first load stays small. Asked for once, shared by every editor.
type Setup = typeof import('./setup.js');

let loading: Promise<Setup> | null = null;

export function loadMonaco(): Promise<Setup> {
  loading ??= import('./setup.js');
  return loading;
}
