import { createResource, createSignal, Show, type VoidComponent } from 'solid-js';
import ConfirmDialog from '../../components/ConfirmDialog';
import { client } from '../../lib/api';
import { meCall } from '../../lib/me-api';
import { useMeI18n } from '../../lib/i18n-me';
import MeError from './MeError';
import TransparencyView from './TransparencyView';
import Pending from '../../components/Pending';

/** What is stored, who sees it and for how long (the API's inventory), the JSON export, and leaving the programme (confirmed in a native dialog). */
const PrivacyPage: VoidComponent = () => {
  const { t, lang, mounted } = useMeI18n();
  const [transparency] = createResource(
    () => mounted() && lang(),
    (language) => meCall(client.api.v1.me.transparency.$get({ query: { lang: language } })),
  );
  const [exporting, setExporting] = createSignal(false);
  const [exported, setExported] = createSignal(false);
  const [exportError, setExportError] = createSignal<unknown>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [leaving, setLeaving] = createSignal(false);
  const [leaveError, setLeaveError] = createSignal<unknown>(null);
  const [gone, setGone] = createSignal(false);
  let goodbye: HTMLParagraphElement | undefined;

  const download = async () => {
    setExporting(true);
    setExportError(null);
    setExported(false);
    try {
      const data = await meCall(client.api.v1.me.export.$get());
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `relais-export-${data.exportedAt.slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExported(true);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const leave = async () => {
    setLeaving(true);
    setLeaveError(null);
    try {
      await meCall(client.api.v1.me.$delete());
      setConfirming(false);
      setGone(true);
      goodbye?.focus();
    } catch (e) {
      setLeaveError(e);
    } finally {
      setLeaving(false);
    }
  };

  return (
    <Pending>
      <>
        <div role="status">
          <Show when={gone()}>
            <p class="notice notice--ok" tabindex="-1" ref={goodbye}>
              {t('me.privacy.goodbye')}
            </p>
          </Show>
        </div>
        <Show when={!gone()}>
          <Show when={transparency.latest} fallback={<Show when={transparency.error} fallback={<p role="status">{t('state.loading')}</p>}><MeError error={transparency.error} /></Show>}>
            {(loaded) => <TransparencyView transparency={loaded()} headingId="stored-title" />}
          </Show>
          <section aria-labelledby="export-title">
            <h2 id="export-title">{t('me.privacy.intro')}</h2>
            <div class="actions">
              <button type="button" class="button button--wide" disabled={exporting()} onClick={() => void download()}>
                {t('me.privacy.export')}
              </button>
            </div>
            <div aria-live="polite">
              <Show when={exported()}>
                <p class="saved">{t('me.privacy.exported')}</p>
              </Show>
              <Show when={exportError()}>
                <MeError error={exportError()} />
              </Show>
            </div>
          </section>
          <section class="me-card me-danger" aria-labelledby="leave-title">
            <h2 id="leave-title">{t('me.privacy.leaveTitle')}</h2>
            <p>{t('me.privacy.leaveIntro')}</p>
            <button type="button" class="button button--danger button--wide" onClick={() => setConfirming(true)}>
              {t('me.privacy.leave')}
            </button>
          </section>
        </Show>
        <ConfirmDialog
          open={confirming()}
          title={t('me.privacy.confirmTitle')}
          confirmLabel={t('me.privacy.confirm')}
          danger
          pending={leaving()}
          error={leaveError()}
          onConfirm={() => void leave()}
          onClose={() => setConfirming(false)}
        >
          <p>{t('me.privacy.confirmBody')}</p>
        </ConfirmDialog>
      </>
    </Pending>
  );
};

export default PrivacyPage;
