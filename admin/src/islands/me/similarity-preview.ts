/**
 * Feedback while the ambassador types: the server's own similarity (`POST /me/shares/preview`, which creates
 * nothing), asked once typing pauses. A newer text aborts the request still in flight, and an answer that
 * arrives for an older text is dropped, so the verdict shown is always the latest text's.
 */
import { createEffect, createSignal, onCleanup } from 'solid-js';
import { client } from '../../lib/api';
import { meCall } from '../../lib/me-api';
import type { ShareInput } from '../../lib/me-types';

/** How long typing must pause before the text is scored. */
export const PREVIEW_DELAY_MS = 500;

export type Similarity = Awaited<ReturnType<typeof askPreview>>['similarity'];

function askPreview(input: ShareInput, signal: AbortSignal) {
  return meCall(client.api.v1.me.shares.preview.$post({ json: input }, { init: { signal } }));
}

/** The similarity of the latest `input` (null while there is no text to score). */
export function createSimilarityPreview(input: () => ShareInput | null) {
  const [similarity, setSimilarity] = createSignal<Similarity | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let asked = 0;

  const stop = () => {
    clearTimeout(timer);
    inFlight?.abort();
    inFlight = undefined;
  };
  onCleanup(stop);

  createEffect(() => {
    const current = input();
    stop();
    const turn = ++asked;
    if (!current || current.text.trim() === '') {
      setSimilarity(null);
      return;
    }
    timer = setTimeout(() => {
      const controller = new AbortController();
      inFlight = controller;
      askPreview(current, controller.signal).then(
        (answer) => {
          if (turn === asked) setSimilarity(answer.similarity);
        },
        // A failed preview shows no verdict rather than an older text's (an aborted one is already stale).
        () => {
          if (turn === asked) setSimilarity(null);
        },
      );
    }, PREVIEW_DELAY_MS);
  });

  return similarity;
}
