import { useEffect, useState } from 'react';

/**
 * Whether a panel of the editor is folded away, kept in the browser for the
 * next visit (`omslag.ontwerp.<name>`): a designer at 1280×800 who folded the
 * palette to give the canvas room finds it folded tomorrow too.
 */
export function useFolded(name: string): [boolean, () => void] {
  const key = `omslag.ontwerp.${name}`;
  const [folded, setFolded] = useState(() => {
    try {
      return localStorage.getItem(key) === 'folded';
    } catch {
      return false;
    }
  });
  useEffect(() => {
    try {
      if (folded) localStorage.setItem(key, 'folded');
      else localStorage.removeItem(key);
    } catch {
      // private mode: the choice lasts this page only
    }
  }, [folded, key]);
  return [folded, () => setFolded((f) => !f)];
}
