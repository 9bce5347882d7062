/**
 * Copying a shown value: the Clipboard API, or, without it (or without permission), the text selected in
 * its box so the person can press Ctrl+C / ⌘C. `feedback` names what happened (`copy.done` / `copy.manual`)
 * for a polite live region, and clears after 8 s.
 */
import { createSignal, onCleanup } from 'solid-js';

export function createCopy(value: () => string, box: () => HTMLInputElement | HTMLTextAreaElement | undefined) {
  const [feedback, setFeedback] = createSignal<'copy.done' | 'copy.manual' | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    clearTimeout(timer);
    try {
      await navigator.clipboard.writeText(value());
      setFeedback('copy.done');
    } catch {
      box()?.focus();
      box()?.select();
      setFeedback('copy.manual');
    }
    timer = setTimeout(() => setFeedback(null), 8000);
  };
  return { feedback, copy };
}
