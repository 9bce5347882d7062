import { For, Show, type VoidComponent } from 'solid-js';
import { useMeI18n } from '../../lib/i18n-me';
import type { Transparency } from '../../../../worker/schemas/transparency';

export interface TransparencyViewProps {
  transparency: Transparency;
  /** The heading's id, for the section's `aria-labelledby`. */
  headingId: string;
}

/** What the organisation stores about the ambassador, who sees it, for how long (the API's data inventory). */
const TransparencyView: VoidComponent<TransparencyViewProps> = (props) => {
  const { t } = useMeI18n();
  return (
    <section class="me-card transparency" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{t('me.transparency.title')}</h2>
      <p>
        {t('me.transparency.organisation')} <strong>{props.transparency.organisation.name}</strong>
      </p>
      <h3>{t('me.transparency.visibility')}</h3>
      <p class="transparency-visibility">{props.transparency.visibility}</p>
      <h3>{t('me.transparency.stored')}</h3>
      <ul class="transparency-data">
        <For each={props.transparency.data}>
          {(datum) => (
            <li>
              <strong>{datum.what}</strong>
              <dl>
                <dt>{t('me.transparency.purpose')}</dt>
                <dd>{datum.purpose}</dd>
                <dt>{t('me.transparency.retention')}</dt>
                <dd>{datum.retention}</dd>
                <dt>{t('me.transparency.whoSees')}</dt>
                <dd>{datum.whoSees}</dd>
              </dl>
            </li>
          )}
        </For>
      </ul>
      <p>
        {t('me.transparency.contact')}{' '}
        <Show when={props.transparency.organisation.privacyContact} fallback={t('me.transparency.noContact')}>
          {(contact) => <span class="transparency-contact">{contact()}</span>}
        </Show>
      </p>
      <p class="meta">
        {t('me.transparency.asOf')} {props.transparency.settingsAt.slice(0, 10)}
      </p>
    </section>
  );
};

export default TransparencyView;
