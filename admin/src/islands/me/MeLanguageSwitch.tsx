import type { VoidComponent } from 'solid-js';
import LanguageButtons from '../../components/LanguageButtons';
import { meWords } from '../../lib/i18n-me';

/** The ambassador's language switch: only the words of their pages ship to their phone. */
const MeLanguageSwitch: VoidComponent = () => <LanguageButtons words={meWords} />;

export default MeLanguageSwitch;
