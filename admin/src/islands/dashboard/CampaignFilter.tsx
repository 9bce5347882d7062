import type { VoidComponent } from 'solid-js';
import { Select } from '../../components/Select';
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
      <Select
        attrs={{ id: 'dash-campaign' }}
        value={props.selected ?? ''}
        onChange={(id) => props.onChange(id || undefined)}
        options={[{ value: '', label: t('dash.campaign.all') }, ...props.campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))]}
      />
    </div>
  );
};

export default CampaignFilter;
