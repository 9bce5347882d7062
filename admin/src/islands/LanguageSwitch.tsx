import type { VoidComponent } from 'solid-js';
import LanguageButtons from '../components/LanguageButtons';
import { adminWords } from '../lib/i18n';

/** The admin's language switch (every word of the admin). */
const LanguageSwitch: VoidComponent = () => <LanguageButtons words={adminWords} />;

export default LanguageSwitch;
