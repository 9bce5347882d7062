import type { VoidComponent } from 'solid-js';
import LanguageButtons from '../../components/LanguageButtons';
import { client } from '../../lib/api';
import { meWords } from '../../lib/i18n-me';
import type { Locale } from '../../lib/translator';

/** Saves a signed-in ambassador's choice to their profile, so their other devices and e-mails follow it. */
function remember(language: Locale): void {
  // Before joining there is no session: the page still switches, nothing is saved, nothing to report.
  client.api.v1.me.$patch({ json: { language } }).catch(() => undefined);
}

/** The ambassador's language switch: only the words of their pages ship to their phone. */
const MeLanguageSwitch: VoidComponent = () => <LanguageButtons words={meWords} onChoose={remember} />;

export default MeLanguageSwitch;
