/**
 * The reviewer's part of what CaseLint puts on a case page — the in-page audit panel and the field
 * picker — kept out of the content script every frame loads (#17.9). The extension loads it into a
 * frame when it is needed (a reviewer's page, 选取字段): the worker injects
 * `content-scripts/reviewer-ui.js` (entrypoints/reviewer-ui.content.ts), which leaves it here for
 * the content script of the same frame (the extension's isolated world, which the page cannot
 * reach). The plugin bundles it and hands it over directly.
 */
import type { InPagePanel } from './panel';
import type { startPicker } from './picker';

export interface ReviewerUi {
  InPagePanel: typeof InPagePanel;
  startPicker: typeof startPicker;
}

const KEY = Symbol.for('caselint.reviewer-ui');
const world = globalThis as unknown as Record<symbol, ReviewerUi | undefined>;

/** The reviewer UI script's part: leaves the UI for this frame's content script. */
export function leaveReviewerUi(ui: ReviewerUi): void {
  world[KEY] = ui;
}

/** The reviewer UI, when it has been loaded into this frame. */
export function reviewerUiHere(): ReviewerUi | undefined {
  return world[KEY];
}
