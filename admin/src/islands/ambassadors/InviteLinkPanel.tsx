import type { VoidComponent } from 'solid-js';
import CopyField from '../../components/CopyField';
import type { InvitedAmbassador } from '../../lib/api-types';
import { useI18n } from '../../lib/use-i18n';

export interface InviteLinkPanelProps {
  invited: InvitedAmbassador;
  onDismiss: () => void;
}

/** The one-time invitation link of an ambassador, to copy into a message to them. */
const InviteLinkPanel: VoidComponent<InviteLinkPanelProps> = (props) => {
  const { t } = useI18n();
  return (
    <section class="panel notice--ok" aria-labelledby="invite-link-title">
      <h2 id="invite-link-title" tabindex="-1">
        {t('ambassadors.linkFor', { name: props.invited.ambassador.name ?? '' })}
      </h2>
      <CopyField label={t('invite.link')} value={props.invited.inviteUrl} hint={t('ambassadors.linkHint')} />
      <button type="button" class="button" onClick={() => props.onDismiss()}>
        {t('action.done')}
      </button>
    </section>
  );
};

export default InviteLinkPanel;
