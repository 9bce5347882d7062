import { For, type VoidComponent } from 'solid-js';
import { client, unwrap } from '../../lib/api';
import type { Campaign } from '../../lib/api-types';
import { useI18n } from '../../lib/use-i18n';

/** Every campaign of the organisation, following the cursors: the filter offers them all. */
export async function listAllCampaigns(): Promise<Campaign[]> {
  const all: Campaign[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(client.api.v1.campaigns.$get({ query: { limit: '200', cursor } }));
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export interface CampaignFilterProps {
  campaigns: Campaign[];
  /** The chosen campaign's id; undefined for all campaigns. */
  selected: string | undefined;
  onChange: (campaignId: string | undefined) => void;
}

/** A labelled select: all campaigns, or one of them. */
const CampaignFilter: VoidComponent<CampaignFilterProps> = (props) => {
  const { t } = useI18n();
  return (
    <div class="field dash-campaign">
      <label for="dash-campaign">{t('dash.campaign.label')}</label>
      <select id="dash-campaign" value={props.selected ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || undefined)}>
        <option value="">{t('dash.campaign.all')}</option>
        <For each={props.campaigns}>{(campaign) => <option value={campaign.id}>{campaign.name}</option>}</For>
      </select>
    </div>
  );
};

export default CampaignFilter;
