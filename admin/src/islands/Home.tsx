import { createResource, For, Match, Switch, type VoidComponent } from 'solid-js';
import FormError from '../components/FormError';
import Dashboard from './dashboard/Dashboard';
import type { MessageKey } from '../lib/i18n';
import { canWrite, loadSession } from '../lib/session';
import { settled } from '../lib/settled';
import { useI18n } from '../lib/use-i18n';
import '../styles/home.css';

const QUICK_LINKS: Array<{ href: string; key: MessageKey; writes: boolean }> = [
  { href: '/admin/campaigns/edit/', key: 'home.link.newCampaign', writes: true },
  { href: '/admin/ambassadors/', key: 'home.link.invite', writes: true },
  { href: '/admin/charter/', key: 'home.link.charter', writes: false },
  { href: '/admin/campaigns/', key: 'home.link.campaigns', writes: false },
  { href: '/admin/settings/', key: 'home.link.settings', writes: false },
];

/** The invitation to sign in that signed-out visitors see. */
const SignedOut: VoidComponent = () => {
  const { t } = useI18n();
  return (
    <section class="panel home-signed-out" aria-labelledby="home-signed-out">
      <h2 id="home-signed-out">{t('home.signedOut.title')}</h2>
      <p>{t('home.signedOut.body')}</p>
      <p>
        <a class="button button--primary" href="/admin/login/">
          {t('action.signIn')}
        </a>
      </p>
    </section>
  );
};

/**
 * The home page's body: the organisation, quick links and the KPI dashboard. Signed-out visitors
 * are invited to sign in (this page also serves as the admin's front door).
 *
 * The build cannot know the session, so the static markup holds both first states and `<html data-session>`,
 * set by the Worker for this request (routes/pages.ts), picks one in CSS: the first paint is already right,
 * and nothing swaps in and pushes the page once the island runs.
 */
const Home: VoidComponent = () => {
  const { t, mounted } = useI18n();
  const [me] = createResource(mounted, loadSession);
  const pending = () => <p class="meta home-pending">{t('state.loading')}</p>;
  const session = () => settled(me);

  return (
    <div class="home" data-state={mounted() ? undefined : 'initial'} aria-busy={me.loading}>
      <Switch fallback={pending()}>
        <Match when={!mounted()}>
          <SignedOut />
          {pending()}
        </Match>
        <Match when={me.error}>
          <FormError error={me.error} />
        </Match>
        <Match when={me.state === 'ready' && me() === null}>
          <SignedOut />
        </Match>
        <Match when={session()}>
          {(session) => (
            <>
              <section class="panel" aria-labelledby="home-org">
                <h2 id="home-org">{session().organisation.name}</h2>
                <p>{t('home.welcome', { name: session().admin.name || session().admin.email })}</p>
                <h3>{t('home.quickLinks')}</h3>
                <ul class="quick-links">
                  <For each={QUICK_LINKS.filter((link) => !link.writes || canWrite(session()))}>
                    {(link) => (
                      <li>
                        <a href={link.href}>{t(link.key)}</a>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
              <Dashboard canWrite={canWrite(session())} />
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
};

export default Home;
