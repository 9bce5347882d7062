import type { VoidComponent } from 'solid-js';
import type { Charter } from '../../lib/api-types';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/use-i18n';

export interface CharterCurrentProps {
  charter: Charter;
}

/** The charter in force: its version, date, how many accepted it, and its body. */
const CharterCurrent: VoidComponent<CharterCurrentProps> = (props) => {
  const { t, lang } = useI18n();
  return (
    <section class="panel" aria-labelledby="charter-current">
      <h2 id="charter-current">{t('charter.current', { version: props.charter.version })}</h2>
      <p class="meta">
        {t('charter.publishedOn', { date: formatDate(props.charter.publishedAt, lang()) })} · {t('charter.acceptedBy', { count: props.charter.acceptedBy })}
      </p>
      {/* bodyHtml is rendered and sanitised by the API (escaped first, a few tags added back); it is the only HTML we insert. */}
      <div class="prose" innerHTML={props.charter.bodyHtml} />
    </section>
  );
};

export default CharterCurrent;
