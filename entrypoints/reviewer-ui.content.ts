/**
 * The reviewer UI (in-page audit panel, field picker), injected by the worker into a frame whose
 * content script asks for it (`cs-bg:load-reviewer-ui`): not declared in the manifest, never loaded
 * on an officer's page (components/in-page/reviewer-ui.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { InPagePanel } from '../components/in-page/panel';
import { startPicker } from '../components/in-page/picker';
import { leaveReviewerUi } from '../components/in-page/reviewer-ui';

export default defineContentScript({
  registration: 'runtime',
  main() {
    leaveReviewerUi({ InPagePanel, startPicker });
  },
});
