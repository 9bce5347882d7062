import { createEffect, createResource, createSignal, Show, type VoidComponent } from 'solid-js';
import { client, unwrap } from '../lib/api';
import { loadSession, requireSession, resetSession } from '../lib/session';
import { useI18n } from '../lib/use-i18n';
import { settled } from '../lib/settled';

export interface AdminBarProps {
  /** `required`: a signed-out visitor is sent to the sign-in page; `optional`: offered a sign-in link. */
  session: 'required' | 'optional';
}

/** The signed-in admin's e-mail and a Sign out button, in the page header. */
const AdminBar: VoidComponent<AdminBarProps> = (props) => {
  const { t, mounted } = useI18n();
  const [me] = createResource(mounted, () => (props.session === 'required' ? requireSession() : loadSession()));
  const [leaving, setLeaving] = createSignal(false);
  // Read only once there: reading a pending resource suspends the whole island (Astro wraps it in <Suspense>),
  // and the header would lose the bar, then get it back, moving the page twice.
  const session = () => settled(me);
  // The owners-only navigation links (NavLinks.astro, layout.css) show once the role is known.
  createEffect(() => {
    const role = session()?.admin.role;
    if (role) document.documentElement.dataset.role = role;
  });

  const signOut = async () => {
    setLeaving(true);
    try {
      await unwrap(client.api.v1.auth.logout.$post(), { redirectOn401: false });
    } catch {
      // Signed out already, or the API is unreachable: the sign-in page is the right place either way.
    }
    resetSession();
    location.assign('/admin/login/');
  };

  return (
    <div class="admin-bar">
      <Show when={session()}>
        {(session) => (
          <>
            <span class="admin-email">{session().admin.email}</span>
            <button type="button" class="button" disabled={leaving()} onClick={() => void signOut()}>
              {t('action.signOut')}
            </button>
          </>
        )}
      </Show>
      {/* Before the island runs, `<html data-session>` (layout.css) tells whether this link belongs on the first paint. */}
      <Show when={props.session === 'optional' && (!mounted() || (me.state === 'ready' && me() === null))}>
        <a class="button admin-bar__sign-in" data-state={mounted() ? undefined : 'initial'} href="/admin/login/">
          {t('action.signIn')}
        </a>
      </Show>
    </div>
  );
};

export default AdminBar;
